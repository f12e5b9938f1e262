import { error } from '@sveltejs/kit';
import { findMunicipalityByCode } from '$lib/server/repositories/municipalities';
import { listMunicipalityResults } from '$lib/server/repositories/results';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const municipality = await findMunicipalityByCode(locals.db, params.code);
	if (!municipality) error(404, 'Kommunen finns inte');
	return {
		municipality,
		/** Published results over the years (current versions only). */
		results: await listMunicipalityResults(locals.db, params.code)
	};
};
