import { error, fail, redirect } from '@sveltejs/kit';
import { authorizeSelfAssessments } from '$lib/server/auth/guard';
import {
	canOnMunicipalitySelfAssessments,
	selfAssessmentVisibility
} from '$lib/server/auth/policy';
import { actorOf } from '$lib/server/repositories/audit';
import { attempt, refusingBadInput } from '$lib/server/http/evaluation-route';
import { findMunicipalityByCode } from '$lib/server/repositories/municipalities';
import { findRubricById, listRubrics } from '$lib/server/repositories/rubrics';
import { createUser, DuplicateEmailError } from '$lib/server/repositories/users';
import {
	createSelfAssessment,
	listMunicipalityUsers,
	listSelfAssessments
} from '$lib/server/repositories/self-assessments';
import { importSelfAssessment } from '$lib/server/repositories/self-assessment-exchange';
import { loadTimeline } from '$lib/server/self-assessment-gap';
import { inviteSchema, newSelfAssessmentSchema } from '$lib/schemas/self-assessment';
import { fieldErrors } from '$lib/schemas/errors';
import { hasSubareas, sortRubricsNewestFirst } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';
import { translateKey } from '$lib/i18n/lookup';
import { m } from '$lib/paraglide/messages.js';

async function municipalityOf(locals: App.Locals, code: string) {
	const municipality = await findMunicipalityByCode(locals.db, code);
	if (!municipality) error(404, 'Kommunen finns inte');
	return municipality;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const municipality = await municipalityOf(locals, params.code);
	const user = authorizeSelfAssessments(locals, 'selfAssessment.list', municipality.code);
	const visible = selfAssessmentVisibility(user, municipality.code)!;
	const rows = await listSelfAssessments(locals.db, municipality.code, visible);
	const can = (
		action: 'selfAssessment.create' | 'selfAssessment.invite' | 'selfAssessment.import'
	) => canOnMunicipalitySelfAssessments(user, action, municipality.code);
	const own = can('selfAssessment.create');
	return {
		municipality: { code: municipality.code, name: municipality.name },
		/** The self-assessments this reader may see (all for the municipality, shared ones for others). */
		rows,
		can: {
			create: own,
			invite: can('selfAssessment.invite'),
			import: can('selfAssessment.import')
		},
		/** Rubric versions that can be scored per subarea, newest first (the default). */
		rubrics: own
			? sortRubricsNewestFirst(await listRubrics(locals.db))
					.filter(hasSubareas)
					.map((r) => ({ id: r.id, title: r.title }))
			: [],
		/** Who can be in the group: the municipality's active users. */
		colleagues: own ? await listMunicipalityUsers(locals.db, municipality.code) : [],
		selfId: user.id,
		/** Finished self-assessments and published evaluations, oldest first. */
		timeline: await loadTimeline(locals.db, municipality.code, rows),
		today: new Date().toISOString().slice(0, 10)
	};
};

export const actions: Actions = refusingBadInput({
	/** Starts a self-assessment and opens it. */
	create: async ({ locals, params, request }) => {
		const user = authorizeSelfAssessments(locals, 'selfAssessment.create', params.code);
		const form = await request.formData();
		const values = {
			name: String(form.get('name') ?? ''),
			assessedOn: String(form.get('assessedOn') ?? ''),
			rubricId: String(form.get('rubricId') ?? ''),
			members: form.getAll('members').map(String)
		};
		const parsed = newSelfAssessmentSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, {
				action: 'create',
				values,
				errors: fieldErrors(parsed.error, locals.locale)
			});
		const rubric = await findRubricById(locals.db, parsed.data.rubricId);
		if (!rubric)
			return fail(400, {
				action: 'create',
				values,
				errors: { rubricId: m['sa.errors.rubric']({}, { locale: locals.locale }) }
			});
		const id = await attempt(
			locals,
			() =>
				createSelfAssessment(locals.db, actorOf(user), rubric, {
					municipalityCode: params.code,
					rubricId: rubric.id,
					name: parsed.data.name,
					assessedOn: parsed.data.assessedOn,
					memberUserIds: parsed.data.members
				}),
			{ action: 'create', values }
		);
		if (typeof id !== 'number') return id;
		redirect(303, `/kommuner/${params.code}/sjalvskattning/${id}`);
	},

	/** Makes a colleague a municipality user (one-time password, shown once). */
	invite: async ({ locals, params, request }) => {
		const user = authorizeSelfAssessments(locals, 'selfAssessment.invite', params.code);
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? '') };
		const parsed = inviteSchema.safeParse(values);
		if (!parsed.success)
			return fail(400, {
				action: 'invite',
				invited: values,
				errors: fieldErrors(parsed.error, locals.locale)
			});
		try {
			const { user: created, oneTimePassword } = await createUser(locals.db, actorOf(user), {
				email: parsed.data.email,
				name: parsed.data.name,
				role: 'municipality',
				municipalityCode: params.code
			});
			return {
				action: 'invite',
				message: m['sa.invite.created'](
					{
						email: created.email,
						password: oneTimePassword ?? ''
					},
					{ locale: locals.locale }
				)
			};
		} catch (e) {
			if (e instanceof DuplicateEmailError)
				return fail(400, {
					action: 'invite',
					invited: values,
					errors: { email: m['sa.invite.duplicate']({}, { locale: locals.locale }) }
				});
			throw e;
		}
	},

	/** Imports a self-assessment file; any problem refuses the whole file. */
	import: async ({ locals, params, request }) => {
		const user = authorizeSelfAssessments(locals, 'selfAssessment.import', params.code);
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, {
				action: 'import',
				errors: { file: m['sa.import.noFile']({}, { locale: locals.locale }) }
			});
		const result = await importSelfAssessment(
			locals.db,
			actorOf(user),
			params.code,
			await file.text()
		);
		if (!result.ok)
			return fail(400, {
				action: 'import',
				errors: {
					file: result.problems
						.map((p) => translateKey(p.key, p.vars, { locale: locals.locale }))
						.join(' ')
				}
			});
		redirect(303, `/kommuner/${params.code}/sjalvskattning/${result.id}`);
	}
});
