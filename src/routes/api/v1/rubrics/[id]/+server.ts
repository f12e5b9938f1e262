import { findRubricById } from '$lib/server/repositories/rubrics';
import { badRequest, openDataJson } from '$lib/server/http/api-responses';
import type { RequestHandler } from './$types';

/** One rubric version as JSON; rubrics are immutable, so it may be cached long. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const rubric = await findRubricById(locals.db, params.id);
	if (!rubric) return badRequest(`Unknown rubric "${params.id}"`);
	return openDataJson(rubric, { maxAge: 86400 });
};
