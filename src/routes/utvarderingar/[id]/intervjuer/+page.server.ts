import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { actorOf } from '$lib/server/audit';
import { attempt, authorizeEvaluationRoute, intField } from '$lib/server/evaluation-route';
import { deleteInterview, listInterviewsWithNotes, saveInterview } from '$lib/server/repositories/sources';
import { fieldErrors } from '$lib/schemas/errors';
import { interviewGroups } from '$lib/domain/evaluation-content';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'interview.readNotes');
	return { interviews: await listInterviewsWithNotes(locals.db, scope.id) };
};

const schema = z.object({
	heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date'),
	group: z.enum(interviewGroups, { error: 'errors.required' }),
	peopleCount: z.coerce.number({ error: 'errors.integer' }).int('errors.integer').min(1, 'errors.invalid').max(200, 'errors.invalid'),
	interviewer: z.string().trim().max(200, 'errors.invalid').default(''),
	intervieweeNames: z.string().trim().max(2000, 'errors.invalid').default(''),
	notes: z.string().max(100000, 'errors.invalid').default('')
});

export const actions: Actions = {
	/** Creates or updates an interview (version-checked). */
	save: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const form = await request.formData();
		const values = Object.fromEntries(form) as Record<string, string>;
		const id = intField(form, 'id');
		const parsed = schema.safeParse(values);
		if (!parsed.success) return fail(400, { id: values.id, values, errors: fieldErrors(parsed.error, locals.locale) });
		const result = await attempt(locals, () => saveInterview(locals.db, actorOf(locals.user!), scope.id, Number.isNaN(id) ? null : id, parsed.data, intField(form, 'version') || 0), { id: values.id, values });
		return typeof result === 'number' ? { savedId: result } : result;
	},
	delete: async ({ locals, params, request }) => {
		const { scope } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
		const id = intField(await request.formData(), 'id');
		const result = await attempt(locals, () => deleteInterview(locals.db, actorOf(locals.user!), scope.id, id));
		return result === undefined ? { deleted: id } : result;
	}
};
