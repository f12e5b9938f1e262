import { listLatestTotals } from '$lib/server/published/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return {
		/** Municipalities with a published result and their latest total, Swedish-sorted. */
		municipalities: await listLatestTotals(locals.db)
	};
};
