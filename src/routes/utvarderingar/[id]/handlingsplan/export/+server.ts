import { authorizeEvaluationRoute } from '$lib/server/http/evaluation-route';
import {
	listActionItems,
	listImprovementsWithActions
} from '$lib/server/action-plans/action-plans';
import { getEvaluationOrThrow } from '$lib/server/evaluations/evaluations';
import { csvDialectFor, tabularResponse } from '$lib/server/http/spreadsheet';
import type { RequestHandler } from './$types';

/** The action plan as CSV or XLSX (?format=xlsx). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'actionPlan.read');
	const [items, improvements] = await Promise.all([
		listActionItems(locals.db, scope.id),
		listImprovementsWithActions(locals.db, scope.id)
	]);
	const header = [
		'action',
		'owner_role',
		'status',
		'start_date',
		'target_date',
		'area',
		'improvement',
		'latest_note'
	];
	const rows = items.map((i) => {
		const linked = improvements.filter((imp) => i.improvementIds.includes(imp.id));
		return [
			i.title,
			i.ownerRole,
			i.status,
			i.startDate,
			i.targetDate,
			linked.map((l) => l.areaId).join(' '),
			linked.map((l) => l.text).join(' | '),
			i.notes.at(-1)?.text ?? null
		];
	});
	const e = await getEvaluationOrThrow(locals.db, scope.id);
	return tabularResponse(
		url.searchParams.get('format') === 'xlsx' ? 'xlsx' : 'csv',
		`handlingsplan-${e.municipalityName}-${e.year}`,
		header,
		rows,
		{ open: false, csv: csvDialectFor(url, locals.locale, 'Cookie') }
	);
};
