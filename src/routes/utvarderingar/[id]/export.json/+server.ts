import { authorizeEvaluationRoute } from '$lib/server/http/evaluation-route';
import { canOnEvaluation, sheetVisibility } from '$lib/server/auth/policy';
import { exportEvaluation } from '$lib/server/team-file/export';
import type { RequestHandler } from './$types';

/** The evaluation's full team file as JSON (team and coordinator only; notes for the team only). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.export');
	// A coordinator gets the team file without interview notes and names: they never leave the team.
	const file = await exportEvaluation(locals.db, scope.id, {
		includeInterviewNotes: canOnEvaluation(locals.user, 'interview.readNotes', scope),
		// Blind until calibration: an earlier file holds only the exporter's own sheet.
		sheets: sheetVisibility(locals.user, scope)
	});
	const name = `kommunkompassen-${file.content.municipality.name}-${file.content.year}.json`;
	return new Response(JSON.stringify(file, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'private, no-store'
		}
	});
};
