import { findPublishedEvaluationId } from '$lib/server/report/published';
import { pdfDisposition, reportPdf } from '$lib/server/report/load';
import { fileResponse } from '$lib/server/http/file-response';
import type { RequestHandler } from './$types';

/** A published report: public, cached per published version, identical on every download. */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
	const evaluationId = await findPublishedEvaluationId(locals.db, params.code, params.year);
	const { pdf, facts } = await reportPdf(locals.db, evaluationId, locals.locale, url.origin);
	return fileResponse(request, {
		bytes: pdf,
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': pdfDisposition(
				`Kommunkompassen ${facts.municipality} ${facts.year}.pdf`
			),
			'cache-control': 'public, max-age=3600',
			// The language comes from the lang cookie: a cache must not hand one reader's to another.
			vary: 'Cookie'
		}
	});
};
