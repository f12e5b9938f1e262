import { findPublishedEvaluationId } from '$lib/server/report/published';
import { docxHeaders, reportDocx } from '$lib/server/report/docx-file';
import { fileResponse } from '$lib/server/http/file-response';
import type { RequestHandler } from './$types';

/** A published report as Word: public, cached per published version like the PDF. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const evaluationId = await findPublishedEvaluationId(locals.db, params.code, params.year);
	const { docx, facts } = await reportDocx(locals.db, evaluationId, locals.locale);
	return fileResponse(request, {
		bytes: docx,
		headers: docxHeaders(`Kommunkompassen ${facts.municipality} ${facts.year}.docx`, false)
	});
};
