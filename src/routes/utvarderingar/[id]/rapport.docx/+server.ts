import { authorizeEvaluation } from '$lib/server/auth/guard';
import { findEvaluationScope, parseEvaluationId } from '$lib/server/evaluations/scope';
import { docxHeaders, reportDocx } from '$lib/server/report/docx-file';
import { fileResponse } from '$lib/server/http/file-response';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';

/**
 * The report of an evaluation as Word, as the PDF beside it: a published one is public; a draft
 * (UTKAST in its header) only for the team, the coordinator and, in the fact check, the contact.
 */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const found = await findEvaluationScope(locals.db, parseEvaluationId(params.id));
	const scope = authorizeEvaluation(
		locals,
		found?.status === 'publicerad' ? 'evaluation.read' : 'report.draft',
		found
	);
	const { docx, facts } = await reportDocx(locals.db, scope.id, locals.locale);
	const draft = facts.draft ? ` ${m['report.draft']({}, { locale: locals.locale })}` : '';
	return fileResponse(request, {
		bytes: docx,
		headers: docxHeaders(
			`Kommunkompassen ${facts.municipality} ${facts.year}${draft}.docx`,
			facts.draft
		)
	});
};
