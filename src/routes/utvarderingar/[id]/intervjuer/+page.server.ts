import { sourcePageActions, sourcePageState } from '$lib/server/actions/source-page';
import { authorizeEvaluationRoute } from '$lib/server/http/evaluation-route';
import {
	countInterviewsByGroup,
	createInterview,
	deleteInterview,
	interviewLimits,
	interviewSchema,
	listInterviewsWithNotes,
	updateInterview
} from '$lib/server/sources/interviews';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// Notes and names: the team only. Coordinators and the municipality get 403/404 here.
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'interview.readNotes');
	const [interviews, counts] = await Promise.all([
		listInterviewsWithNotes(locals.db, scope.id),
		countInterviewsByGroup(locals.db, scope.id)
	]);
	return {
		/** Every interview with its notes and interviewee names. */
		interviews,
		/** Interviews and people per group (what the report will show). */
		counts,
		/** Each text field's limit (the schema's), for the inputs' maxlength. */
		limits: interviewLimits,
		...sourcePageState(url, interviews)
	};
};

/** Create, update (409 with the saved notes beside yours when stale), delete (refused while quoted), undo. */
export const actions: Actions = sourcePageActions({
	page: 'intervjuer',
	anchor: 'intervju',
	entity: 'interview',
	createSchema: interviewSchema,
	create: createInterview,
	updateSchema: interviewSchema,
	update: updateInterview,
	remove: deleteInterview
});
