import { authorizeGlobal } from '$lib/server/auth/guard';
import { canGlobal } from '$lib/server/auth/policy';
import { listEvaluationsFor } from '$lib/server/evaluations/list';
import { lateMilestones, todayInSweden } from '$lib/domain/tasks';
import { listRubrics } from '$lib/server/register/rubrics';
import { rubricText } from '$lib/domain/rubric';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = authorizeGlobal(locals, 'evaluation.list', url);
	const today = todayInSweden();
	const [evaluations, rubrics] = await Promise.all([
		listEvaluationsFor(locals.db, user),
		listRubrics(locals.db)
	]);
	const rubricNames = new Map(rubrics.map((r) => [r.id, rubricText(locals.locale, r).title]));
	return {
		/**
		 * The workspace evaluations this user may see, each with its planned dates now passed and
		 * its rubric's name (the id is internal).
		 */
		evaluations: evaluations.map(({ dates, ...e }) => ({
			...e,
			rubricName: rubricNames.get(e.rubricId) ?? e.rubricId,
			late: lateMilestones(e.status, dates, today)
		})),
		/** Whether to offer "new evaluation". */
		canCreate: canGlobal(user, 'evaluation.create')
	};
};
