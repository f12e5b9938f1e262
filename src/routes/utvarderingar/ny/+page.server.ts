import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/repositories/audit';
import {
	listMunicipalities,
	findMunicipalityByCode
} from '$lib/server/repositories/municipalities';
import { listRubrics } from '$lib/server/repositories/rubrics';
import { listUsers } from '$lib/server/repositories/users';
import {
	createEvaluation,
	findPublishedEvaluationById
} from '$lib/server/repositories/evaluations';
import { attempt } from '$lib/server/http/evaluation-route';
import { fieldErrors } from '$lib/schemas/errors';
import { translate } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorizeGlobal(locals, 'evaluation.create', url);
	const [municipalities, rubrics, users] = await Promise.all([
		listMunicipalities(locals.db),
		listRubrics(locals.db),
		listUsers(locals.db)
	]);
	const previousId = Number(url.searchParams.get('fran')) || null;
	const previous = previousId
		? await findPublishedEvaluationById(locals.db, previousId)
		: undefined;
	return {
		municipalities: municipalities.map((m) => ({ code: m.code, name: m.name })),
		rubrics: rubrics.map((r) => ({ id: r.id, title: r.title })),
		evaluators: users
			.filter((u) => u.role === 'evaluator' && u.active)
			.map((u) => ({ id: u.id, label: u.name || u.email })),
		contacts: users
			.filter((u) => u.role === 'municipality' && u.active)
			.map((u) => ({
				id: u.id,
				label: `${u.name || u.email}`,
				municipalityCode: u.municipalityCode
			})),
		/** A re-evaluation starts from a published evaluation of the same municipality. */
		previous: previous ?? null
	};
};

const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.or(z.literal('').transform(() => null));
const schema = z.object({
	municipalityCode: z.string().regex(/^\d{4}$/, 'errors.municipalityCode'),
	year: z.coerce
		.number({ error: 'errors.integer' })
		.int('errors.integer')
		.min(2000, 'errors.invalid')
		.max(2100, 'errors.invalid'),
	rubricId: z.string().min(1, 'errors.required'),
	teamUserIds: z.array(z.coerce.number().int().positive()).max(4, 'errors.invalid'),
	contactUserId: z.coerce.number().int().positive().nullable(),
	visitStart: date,
	visitEnd: date,
	previousEvaluationId: z.coerce.number().int().positive().nullable()
});

export const actions: Actions = {
	/** Creates the evaluation in `planering`; the team then declares no conflict of interest. */
	default: async ({ request, locals, url }) => {
		const user = authorizeGlobal(locals, 'evaluation.create', url);
		const form = await request.formData();
		const raw = {
			municipalityCode: String(form.get('municipalityCode') ?? ''),
			year: form.get('year'),
			rubricId: String(form.get('rubricId') ?? ''),
			teamUserIds: form.getAll('team').map(String),
			contactUserId: form.get('contactUserId') ? form.get('contactUserId') : null,
			visitStart: String(form.get('visitStart') ?? ''),
			visitEnd: String(form.get('visitEnd') ?? ''),
			previousEvaluationId: form.get('previousEvaluationId')
				? form.get('previousEvaluationId')
				: null
		};
		const values = { ...raw, year: String(raw.year ?? '') };
		const parsed = schema.safeParse(raw);
		if (!parsed.success)
			return fail(400, { values, errors: fieldErrors(parsed.error, locals.locale) });
		if (!(await findMunicipalityByCode(locals.db, parsed.data.municipalityCode))) {
			return fail(400, {
				values,
				errors: { municipalityCode: translate(locals.locale, 'errors.municipalityCode') }
			});
		}
		const result = await attempt(
			locals,
			() => createEvaluation(locals.db, actorOf(user), parsed.data),
			{ values }
		);
		if (typeof result !== 'number') return result;
		redirect(303, `/utvarderingar/${result}`);
	}
};
