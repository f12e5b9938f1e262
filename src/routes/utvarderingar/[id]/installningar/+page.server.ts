import { externalVersion } from '$lib/schemas/id';
import { mayBeContact, mayJoinTeam } from '$lib/domain/roles';
import { z } from 'zod';
import { actorOf } from '$lib/server/accounts/audit';
import {
	attempt,
	authorizeEvaluationRoute,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import {
	loadEvaluationSetup,
	updateEvaluationSetup,
	updateTextLanguage,
	type EvaluationSetup
} from '$lib/server/evaluations/setup';
import { textLanguages } from '$lib/domain/text-language';
import { listUsers } from '$lib/server/accounts/users';
import { parseForm } from '$lib/server/http/parse-form';
import { readSetupForm, setupChange, setupFormFields } from '$lib/schemas/evaluation-setup';
import { invitePerson } from '$lib/server/actions/invite-person';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.update');
	const [setup, users] = await Promise.all([
		loadEvaluationSetup(locals.db, scope.id),
		listUsers(locals.db)
	]);
	const current = setup!;
	return {
		setup: current,
		/** Active evaluators, and any current member who is no longer active (to be removed). */
		evaluators: users
			.filter((u) => mayJoinTeam(u) || current.teamUserIds.includes(u.id))
			.map((u) => ({ id: u.id, label: u.name || u.email })),
		contacts: users
			.filter((u) => mayBeContact(u, current.municipalityCode))
			.map((u) => ({ id: u.id, label: u.name || u.email }))
	};
};

/** The set-up form: the shared fields and the version the page was loaded at (hidden). */
const schema = z.object({
	...setupFormFields,
	expectedVersion: externalVersion
});

/** The language of the team's texts: one of the offered languages, nothing else. */
const languageSchema = z.object({
	textLanguage: z.enum(textLanguages, { error: 'setup.errors.textLanguage' })
});

/** The saved set-up as the form would send it. */
const savedValues = (setup: EvaluationSetup) => ({
	teamUserIds: setup.teamUserIds.map(String),
	contactUserId: setup.contactUserId === null ? null : String(setup.contactUserId),
	answersDue: setup.answersDue ?? '',
	visitStart: setup.visitStart ?? '',
	visitEnd: setup.visitEnd ?? '',
	factCheckDue: setup.factCheckDue ?? '',
	publicationPlanned: setup.publicationPlanned ?? '',
	expectedVersion: String(setup.rowVersion)
});

export const actions: Actions = refusingBadInput({
	/** Sets the language the team writes the texts in; the pages and the report mark them with it. */
	language: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.update');
		const parsed = parseForm(locals, await request.formData(), languageSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await attempt(locals, () =>
			updateTextLanguage(locals.db, actorOf(user), scope.id, parsed.data.textLanguage)
		);
		return result === undefined ? { languageSaved: true } : result;
	},
	/** Saves team, contact and planned dates; new members are asked to declare no conflict. */
	save: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.update');
		const form = await request.formData();
		const values = { ...readSetupForm(form), expectedVersion: String(form.get('expectedVersion')) };
		const parsed = parseForm(locals, form, schema, { values }, ['expectedVersion']);
		if (!parsed.ok) return parsed.failure;
		const result = await attempt(
			locals,
			() => updateEvaluationSetup(locals.db, actorOf(user), scope.id, setupChange(parsed.data)),
			{ values }
		);
		if (!('added' in result)) return result;
		return { saved: true, added: result.added };
	},
	/**
	 * Invites a new evaluator or contact without leaving the form: the account is created, its
	 * invitation queued, and the form comes back unsaved, as it was, with the new person chosen.
	 */
	invite: async ({ locals, params, request, url }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.update');
		const form = await request.formData();
		// The page sends its unsaved set-up along; without JavaScript only the invitation comes, and
		// the saved set-up is what comes back.
		const values = form.has('expectedVersion')
			? { ...readSetupForm(form), expectedVersion: String(form.get('expectedVersion')) }
			: savedValues((await loadEvaluationSetup(locals.db, scope.id))!);
		const invited = await invitePerson(locals, user, form, {
			municipalityCode: scope.municipalityCode,
			origin: url.origin,
			context: { values }
		});
		if (!invited.ok) return invited.failure;
		const id = String(invited.user.id);
		return {
			values:
				invited.as === 'contact'
					? { ...values, contactUserId: id }
					: { ...values, teamUserIds: [...values.teamUserIds, id] },
			invited: invited.user.name || invited.user.email
		};
	}
});
