import { findRubricById } from '$lib/server/register/rubrics';
import { badRequest, openDataJson } from '$lib/server/http/api-responses';
import { apiLocale } from '$lib/server/http/locale';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';

/** One rubric version as JSON; rubrics are immutable, so it may be cached long. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const rubric = await findRubricById(locals.db, params.id);
	if (!rubric) {
		const locale = apiLocale(request.headers.get('accept-language'));
		return badRequest(m['api.error.unknownRubric']({ id: params.id }, { locale }));
	}
	return openDataJson(rubric, { maxAge: 86400 });
};
