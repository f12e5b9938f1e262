import { authorizeEvaluation } from '$lib/server/auth/guard';
import { findEvaluationScope, parseEvaluationId } from '$lib/server/evaluations/scope';
import { loadReportModel } from '$lib/server/report/load';
import type { PageServerLoad } from './$types';

/**
 * The report as a web page, for the team while they write: the draft (UTKAST) as the PDF would
 * print it, or the published version once published. Who may read it is as for rapport.pdf.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const found = await findEvaluationScope(locals.db, parseEvaluationId(params.id));
	const scope = authorizeEvaluation(
		locals,
		found?.status === 'publicerad' ? 'evaluation.read' : 'report.draft',
		found
	);
	const { model } = await loadReportModel(locals.db, scope.id, locals.locale, {
		user: locals.user,
		origin: url.origin
	});
	return {
		/** The report model, the same one the PDF is built from. */
		report: model
	};
};
