import { authorizeEvaluationRoute } from '$lib/server/http/evaluation-route';
import { listAuditEntries } from '$lib/server/accounts/audit-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.history');
	return {
		entries: await listAuditEntries(locals.db, {
			evaluationId: scope.id,
			viewerId: user.id,
			limit: 500
		})
	};
};
