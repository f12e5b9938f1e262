import { authorizeEvaluationRoute } from '$lib/server/http/evaluation-route';
import {
	listActionItems,
	listImprovementsWithActions
} from '$lib/server/action-plans/action-plans';
import { getEvaluationOrThrow } from '$lib/server/evaluations/evaluations';
import { csvDialectFor, tabularResponse } from '$lib/server/http/spreadsheet';
import { listRecommendations } from '$lib/server/scoring/finding-items';
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
		{ open: false, csv: csvDialectFor(url, locals.locale, 'Cookie') }
	);
};
