import { authorizeEvaluation } from '$lib/server/auth/guard';
import { findEvaluationScope, parseEvaluationId } from '$lib/server/repositories/evaluation-scope';
import { pdfDisposition, reportPdf } from '$lib/server/report/load';
import type { RequestHandler } from './$types';

/**
 * The report of an evaluation. A published one is public; a draft (UTKAST) only for the team,
 * the coordinator and, during the fact check, the municipality contact.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const found = await findEvaluationScope(locals.db, parseEvaluationId(params.id));
	const scope = authorizeEvaluation(
		locals,
		found?.status === 'publicerad' ? 'evaluation.read' : 'report.draft',
		found
	);
	const { pdf, facts } = await reportPdf(locals.db, scope.id);
	return new Response(pdf as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': pdfDisposition(
				`Kommunkompassen ${facts.municipality} ${facts.year}${facts.draft ? ' UTKAST' : ''}.pdf`
			),
			'cache-control': facts.draft ? 'private, no-store' : 'public, max-age=3600'
		}
	});
};
