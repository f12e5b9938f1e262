import { authorizeEvaluationRoute } from '$lib/server/http/evaluation-route';
import {
	listActionItems,
	listImprovementsWithActions
} from '$lib/server/repositories/action-plans';
import { listRecommendations } from '$lib/server/repositories/finding-items';
import { getEvaluationOrThrow } from '$lib/server/repositories/evaluations';
import { tabularResponse } from '$lib/server/http/spreadsheet';
import { actionPlanTable } from '$lib/server/action-plans/table';
import type { RequestHandler } from './$types';

/** The action plan as CSV or XLSX (?format=xlsx), in the reader's language. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.read');
	const [items, improvements, recommendations, e] = await Promise.all([
		listActionItems(locals.db, scope.id),
		listImprovementsWithActions(locals.db, scope.id),
		listRecommendations(locals.db, scope.id),
		getEvaluationOrThrow(locals.db, scope.id)
	]);
	const { header, rows } = actionPlanTable(items, improvements, recommendations, locals.locale);
	return tabularResponse(
		url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv',
		`handlingsplan-${e.municipalityName}-${e.year}`,
		header,
		rows,
		{ open: false }
	);
};
