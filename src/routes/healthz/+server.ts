import { json } from '@sveltejs/kit';
import { checkHealth } from '$lib/server/platform/health';
import type { RequestHandler } from './$types';

/**
 * For load balancers and process managers: 200 when this server can serve (database and worker
 * thread answer), 503 with a short reason per check when it cannot. A growing unsent outbox is a
 * warning in the answer, never a 503: the server serves, only mail waits. /api/v1/ping stays constant.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const health = await checkHealth(locals.db);
	return json(
		{ status: health.ok ? 'ok' : 'unavailable', checks: health.checks, warnings: health.warnings },
		{ status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } }
	);
};
