import { DEFAULT_RUBRIC, rubricText } from '$lib/domain/rubric';
import { z } from 'zod';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/accounts/audit';
import {
	createReferenceAverage,
	listReferenceAverages
} from '$lib/server/published/reference-averages';
import { getRubricOrThrow, listRubrics } from '$lib/server/register/rubrics';
import { parseForm, refuse, typedValues } from '$lib/server/http/parse-form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorizeGlobal(locals, 'referenceAverage.manage', url);
	const rubric = await getRubricOrThrow(locals.db, DEFAULT_RUBRIC);
	const rubricNames = new Map(
		(await listRubrics(locals.db)).map((r) => [r.id, rubricText(locals.locale, r).title])
	);
	return {
		/** Each reference average with its rubric's name (the id is internal). */
		references: (await listReferenceAverages(locals.db)).map((r) => ({
			...r,
			rubricName: rubricNames.get(r.rubricId) ?? r.rubricId
		})),
		areas: rubric.areas.map((a) => ({ id: a.id, title: rubricText(locals.locale, a).title }))
	};
};

const areaIds = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;
const areaField = (id: (typeof areaIds)[number]) => `area_${id}` as const;

/**
 * An area's average in percent: an empty field asks for a value (it said "between undefined and
 * undefined" while the range message had no limits to name), anything else not 0–100 is invalid.
 */
const area = z
	.string({ error: 'errors.required' })
	.trim()
	.min(1, 'errors.required')
	.pipe(
		z.coerce
			.number<string>({ error: 'errors.invalid' })
			.min(0, 'errors.invalid')
			.max(100, 'errors.invalid')
	);
const schema = z.object({
	name: z.string().trim().min(1, 'errors.required').max(200, 'errors.invalid').prefault(''),
	asOf: z
		.string()
		.regex(/^\d{4}-\d{2}$/, 'errors.invalid')
		.prefault(''),
	source: z.string().trim().max(500, 'errors.invalid').default(''),
	...(Object.fromEntries(areaIds.map((id) => [areaField(id), area])) as Record<
		ReturnType<typeof areaField>,
		typeof area
	>)
});

export const actions: Actions = {
	/** Registers a reference average published elsewhere (area level). */
	default: async ({ request, locals, url }) => {
		const user = authorizeGlobal(locals, 'referenceAverage.manage', url);
		const form = await request.formData();
		// Keyed by any name: the page reads the area fields by the rubric's area ids.
		const context = {
			values: typedValues<string>(form, 'name', 'asOf', 'source', ...areaIds.map(areaField))
		};
		const parsed = parseForm(locals, form, schema, context);
		if (!parsed.ok) return parsed.failure;
		if ((await listReferenceAverages(locals.db)).some((r) => r.name === parsed.data.name)) {
			return refuse(locals, 'name', 'admin.ref.duplicate', context);
		}
		await createReferenceAverage(locals.db, actorOf(user), {
			name: parsed.data.name,
			rubricId: DEFAULT_RUBRIC,
			asOf: parsed.data.asOf,
			source: parsed.data.source,
			areaScores: Object.fromEntries(areaIds.map((id) => [id, parsed.data[areaField(id)]]))
		});
		return { created: true };
	}
};
