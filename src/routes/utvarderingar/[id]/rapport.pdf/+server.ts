import { authorizeEvaluation } from '$lib/server/auth/guard';
import { findEvaluationScope, parseEvaluationId } from '$lib/server/evaluations/scope';
import { pdfDisposition, reportPdf } from '$lib/server/report/load';
import { fileResponse } from '$lib/server/http/file-response';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';

/**
 * The report of an evaluation. A published one is public; a draft (UTKAST) only for the team,
 * the coordinator and, during the fact check, the municipality contact.
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	const found = await findEvaluationScope(locals.db, parseEvaluationId(params.id));
	const scope = authorizeEvaluation(
		locals,
		found?.status === 'publicerad' ? 'evaluation.read' : 'report.draft',
		found
	);
	const { pdf, facts } = await reportPdf(locals.db, scope.id, locals.locale, url.origin);
	return fileResponse(request, {
		bytes: pdf,
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': pdfDisposition(
				`Kommunkompassen ${facts.municipality} ${facts.year}${facts.draft ? ` ${m['report.draft']({}, { locale: locals.locale })}` : ''}.pdf`
			),
			'cache-control': facts.draft ? 'private, no-store' : 'public, max-age=3600',
			// The language comes from the lang cookie: a cache must not hand one reader's to another.
			vary: 'Cookie'
		}
	});
};
