import { listLatestTotals } from '$lib/server/published/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const municipalities = await listLatestTotals(locals.db);
	return {
		/** Municipalities with a published result and their latest total, Swedish-sorted. */
		municipalities,
		/**
		 * The newest rubric version among the totals: a total on an older version is labelled with
		 * its version, since the versions are different scales.
		 */
		newestRubricYear: Math.max(0, ...municipalities.map((m) => m.rubricYear))
	};
};
