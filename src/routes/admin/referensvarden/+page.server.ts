import { fail } from '@sveltejs/kit';
import { rubricText } from '$lib/domain/rubric';
import { z } from 'zod';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/repositories/audit';
import {
	createReferenceAverage,
	listReferenceAverages
} from '$lib/server/repositories/reference-averages';
import { getRubricOrThrow } from '$lib/server/repositories/rubrics';
import { fieldErrors } from '$lib/schemas/errors';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

const rubricId = 'kommunkompassen-2020';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorizeGlobal(locals, 'referenceAverage.manage', url);
	const rubric = await getRubricOrThrow(locals.db, rubricId);
	return {
		references: await listReferenceAverages(locals.db),
		areas: rubric.areas.map((a) => ({ id: a.id, title: rubricText(locals.locale, a).title }))
	};
};

const area = z.coerce
	.number({ error: 'errors.range' })
	.min(0, 'errors.invalid')
	.max(100, 'errors.invalid');
const schema = z.object({
	name: z.string().trim().min(1, 'errors.required').max(200, 'errors.invalid'),
	asOf: z.string().regex(/^\d{4}-\d{2}$/, 'errors.invalid'),
	source: z.string().trim().max(500, 'errors.invalid').default(''),
	areas: z.object(
		Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8'].map((id) => [id, area]))
	)
});

export const actions: Actions = {
	/** Registers a reference average published elsewhere (area level). */
	default: async ({ request, locals, url }) => {
		const user = authorizeGlobal(locals, 'referenceAverage.manage', url);
		const form = Object.fromEntries(await request.formData()) as Record<string, string>;
		const parsed = schema.safeParse({
			name: form.name,
			asOf: form.asOf,
			source: form.source,
			areas: Object.fromEntries(
				['1', '2', '3', '4', '5', '6', '7', '8'].map((id) => [
					id,
					form[`area_${id}`] === '' ? undefined : form[`area_${id}`]
				])
			)
		});
		if (!parsed.success) {
			const errors = Object.fromEntries(
				Object.entries(fieldErrors(parsed.error, locals.locale)).map(([k, v]) => [
					k.replace('areas.', 'area_'),
					v
				])
			);
			return fail(400, { values: form, errors });
		}
		if ((await listReferenceAverages(locals.db)).some((r) => r.name === parsed.data.name)) {
			return fail(400, {
				values: form,
				errors: { name: m['admin.ref.duplicate']({}, { locale: locals.locale }) }
			});
		}
		await createReferenceAverage(locals.db, actorOf(user), {
			name: parsed.data.name,
			rubricId,
			asOf: parsed.data.asOf,
			source: parsed.data.source,
			areaScores: parsed.data.areas
		});
		return { created: true };
	}
};
