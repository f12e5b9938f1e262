import { listMunicipalities } from '$lib/server/register/municipalities';
import { openDataJson } from '$lib/server/http/api-responses';
import type { RequestHandler } from './$types';

/** All 290 municipalities: code, name, county. */
export const GET: RequestHandler = async ({ locals }) => {
	const municipalities = await listMunicipalities(locals.db);
	return openDataJson(
		municipalities.map((m) => ({
			code: m.code,
			name: m.name,
			countyCode: m.countyCode,
			county: m.county
		})),
		{ maxAge: 3600 }
	);
};
