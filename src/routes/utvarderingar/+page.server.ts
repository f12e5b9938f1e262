import { authorizeGlobal } from '$lib/server/auth/guard';
import { canGlobal } from '$lib/server/auth/policy';
import { listEvaluationsFor } from '$lib/server/repositories/evaluations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = authorizeGlobal(locals, 'evaluation.list', url);
	return {
		/** The workspace evaluations this user may see. */
		evaluations: await listEvaluationsFor(locals.db, user),
		/** Whether to offer "new evaluation". */
		canCreate: canGlobal(user, 'evaluation.create')
	};
};
