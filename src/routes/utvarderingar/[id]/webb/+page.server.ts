import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { actorOf } from '$lib/server/audit';
import { authorizeEvaluationRoute } from '$lib/server/evaluation-route';
import { createWebObservation, listWebObservations } from '$lib/server/repositories/sources';
import { fieldErrors } from '$lib/schemas/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.readDraft');
	return { observations: await listWebObservations(locals.db, scope.id) };
};

const schema = z.object({
	url: z.string().trim().regex(/^https?:\/\/\S+$/, 'src.errors.url').max(2000, 'errors.invalid'),
	seenOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date'),
	note: z.string().max(20000, 'errors.invalid').default('')
});

export const actions: Actions = {
	/** Records an observation of the website or social media. */
	default: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const values = Object.fromEntries(await request.formData()) as Record<string, string>;
		const parsed = schema.safeParse(values);
		if (!parsed.success) return fail(400, { values, errors: fieldErrors(parsed.error, locals.locale) });
		await createWebObservation(locals.db, actorOf(locals.user!), scope.id, parsed.data);
		return { created: true };
	}
};
