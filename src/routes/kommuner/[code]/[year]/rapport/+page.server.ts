import { findPublishedEvaluationId } from '$lib/server/report/published';
import { loadReportModel } from '$lib/server/report/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const evaluationId = await findPublishedEvaluationId(locals.db, params.code, params.year);
	// Links to the evaluations before and after it that this reader may see (issue 28).
	const { model } = await loadReportModel(locals.db, evaluationId, locals.locale, {
		user: locals.user,
		origin: url.origin
	});
	return { report: model, code: params.code };
};
