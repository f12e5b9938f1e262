import { listRubrics } from '$lib/server/register/rubrics';
import { openDataJson } from '$lib/server/http/api-responses';
import type { RequestHandler } from './$types';

/** The stored rubric versions, newest first (ids and titles; fetch one for its structure). */
export const GET: RequestHandler = async ({ locals }) => {
	const rubrics = await listRubrics(locals.db);
	return openDataJson(rubrics.map((r) => ({ id: r.id, title: r.title, year: r.year })));
};
