import { error, fail, redirect } from '@sveltejs/kit';
import { authorizeSelfAssessments } from '$lib/server/auth/guard';
import {
	canOnMunicipalitySelfAssessments,
	selfAssessmentVisibility
} from '$lib/server/auth/policy';
import { actorOf } from '$lib/server/accounts/audit';
import { attempt, refusingBadInput } from '$lib/server/http/evaluation-route';
import { parseForm, refuse, typedValues } from '$lib/server/http/parse-form';
import { findMunicipalityByCode } from '$lib/server/register/municipalities';
import { findRubricById, listRubrics } from '$lib/server/register/rubrics';
import { inviteColleague } from '$lib/server/self-assessment/invites';
import { reserveAttempt, throttleKeys, throttles } from '$lib/server/auth/rate-limit';
import { appOrigin } from '$lib/server/mail/config';
import { wakeOutbox } from '$lib/server/jobs/outbox';
import {
	createSelfAssessment,
	listMunicipalityUsers,
	listSelfAssessments
} from '$lib/server/self-assessment/self-assessments';
import { importSelfAssessment } from '$lib/server/self-assessment/exchange';
import { loadTimeline } from '$lib/server/results/self-assessment-gap';
import { inviteSchema, newSelfAssessmentSchema } from '$lib/schemas/self-assessment';
import { formList } from '$lib/schemas/form';
import { hasSubareas, sortRubricsNewestFirst } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';
import { translateKey } from '$lib/i18n/lookup';
import { m } from '$lib/paraglide/messages.js';
import { refusal } from '$lib/server/http/refusal';

/** The new self-assessment's form: the group is a list of checkboxes (one chosen is one value). */
const newSelfAssessmentForm = newSelfAssessmentSchema.extend({
	members: formList(newSelfAssessmentSchema.shape.members)
});

async function municipalityOf(locals: App.Locals, code: string) {
	const municipality = await findMunicipalityByCode(locals.db, code);
	if (!municipality) error(404, refusal('errors.municipalityNotFound'));
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
			...typedValues(form, 'name', 'assessedOn', 'rubricId'),
			members: form.getAll('members').map(String)
		};
		const context = { action: 'create', values };
		const parsed = parseForm(locals, form, newSelfAssessmentForm, context);
		if (!parsed.ok) return parsed.failure;
		const rubric = await findRubricById(locals.db, parsed.data.rubricId);
		if (!rubric) return refuse(locals, 'rubricId', 'sa.errors.rubric', context);
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
			context
		);
		if (typeof id !== 'number') return id;
		redirect(303, `/kommuner/${params.code}/sjalvskattning/${id}`);
	},

	/**
	 * Invites a colleague (a new municipality account with an invitation mail, or the existing
	 * one), at most `throttles.selfAssessmentInvite` a day per municipality, and answers the same
	 * either way.
	 */
	invite: async ({ locals, params, request, url }) => {
		const user = authorizeSelfAssessments(locals, 'selfAssessment.invite', params.code);
		const form = await request.formData();
		const context = { action: 'invite', invited: typedValues(form, 'email', 'name') };
		const parsed = parseForm(locals, form, inviteSchema, context);
		if (!parsed.ok) return parsed.failure;
		// Every invite counts, to a known address too: the bound must not tell them apart either.
		const key = throttleKeys.selfAssessmentInvite(params.code);
		if (!(await reserveAttempt(locals.db, key, throttles.selfAssessmentInvite))) {
			const errors = { _form: m['sa.invite.limit']({}, { locale: locals.locale }) };
			return fail(429, { ...context, errors });
		}
		await inviteColleague(
			locals.db,
			actorOf(user),
			{ ...parsed.data, municipalityCode: params.code, locale: locals.locale },
			{ origin: appOrigin(url.origin), inviter: user.name || user.email }
		);
		wakeOutbox();
		return {
			action: 'invite',
			message: m['sa.invite.sent']({ email: parsed.data.email }, { locale: locals.locale })
		};
	},

	/** Imports a self-assessment file; any problem refuses the whole file. */
	import: async ({ locals, params, request }) => {
		const user = authorizeSelfAssessments(locals, 'selfAssessment.import', params.code);
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0)
			return refuse(locals, 'file', 'sa.import.noFile', { action: 'import' });
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
