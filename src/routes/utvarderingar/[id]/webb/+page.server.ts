import { sourcePageActions, sourcePageState } from '$lib/server/actions/source-page';
import { authorizeEvaluationRoute } from '$lib/server/http/evaluation-route';
import {
	createWebObservation,
	deleteWebObservation,
	listWebObservations,
	updateWebObservation
} from '$lib/server/sources/web-observations';
import { webObservationSchema } from '$lib/server/sources/schemas';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.readDraft');
	const observations = await listWebObservations(locals.db, scope.id);
	return {
		/** Observations of the municipality's website and social media. */
		observations,
		...sourcePageState(url, observations)
	};
};

/** Create, update (version-checked), delete (refused while quoted), undo. */
export const actions: Actions = sourcePageActions({
	page: 'webb',
	anchor: 'webb',
	entity: 'web_observation',
	createSchema: webObservationSchema,
	create: createWebObservation,
	updateSchema: webObservationSchema,
	update: updateWebObservation,
	remove: deleteWebObservation
});
