import { findPublishedEvaluationId } from '$lib/server/report/published';
import { loadReportModel } from '$lib/server/report/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const evaluationId = await findPublishedEvaluationId(locals.db, params.code, params.year);
	const { model } = await loadReportModel(locals.db, evaluationId, locals.locale);
	return { report: model, code: params.code };
};
