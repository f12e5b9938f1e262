import { authorizeEvaluationRoute } from '$lib/server/evaluation-route';
import { exportEvaluation } from '$lib/server/repositories/evaluation-export';
import type { RequestHandler } from './$types';

/** The evaluation's full team file as JSON (team and coordinator only). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.export');
	const file = await exportEvaluation(locals.db, scope.id);
	const name = `kommunkompassen-${file.content.municipality.name}-${file.content.year}.json`;
	return new Response(JSON.stringify(file, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'private, no-store'
		}
	});
};
