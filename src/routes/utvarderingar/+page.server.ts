import { authorizeGlobal } from '$lib/server/auth/guard';
import { canGlobal } from '$lib/server/auth/policy';
import { listEvaluationsFor } from '$lib/server/evaluations/list';
import { lateMilestones, todayInSweden } from '$lib/domain/tasks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = authorizeGlobal(locals, 'evaluation.list', url);
	const today = todayInSweden();
	const evaluations = await listEvaluationsFor(locals.db, user);
	return {
		/** The workspace evaluations this user may see, each with its planned dates now passed. */
		evaluations: evaluations.map(({ dates, ...e }) => ({
			...e,
			late: lateMilestones(e.status, dates, today)
		})),
		/** Whether to offer "new evaluation". */
		canCreate: canGlobal(user, 'evaluation.create')
	};
};
