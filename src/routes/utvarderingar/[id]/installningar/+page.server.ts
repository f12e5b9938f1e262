import { mayBeContact, mayJoinTeam } from '$lib/domain/roles';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { actorOf } from '$lib/server/repositories/audit';
import {
	attempt,
	authorizeEvaluationRoute,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import {
	loadEvaluationSetup,
	updateEvaluationSetup
} from '$lib/server/repositories/evaluation-setup';
import { listUsers } from '$lib/server/repositories/users';
import { fieldErrors } from '$lib/schemas/errors';
import { readSetupForm, setupFields } from '$lib/schemas/evaluation-setup';
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

const schema = z.object({ ...setupFields, expectedVersion: z.coerce.number().int().min(0) });

export const actions: Actions = refusingBadInput({
	/** Saves team, contact and planned dates; new members are asked to declare no conflict. */
	default: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.update');
		const form = await request.formData();
		const values = { ...readSetupForm(form), expectedVersion: String(form.get('expectedVersion')) };
		const parsed = schema.safeParse(values);
		if (!parsed.success)
			return fail(400, { values, errors: fieldErrors(parsed.error, locals.locale) });
		const result = await attempt(
			locals,
			() => updateEvaluationSetup(locals.db, actorOf(user), scope.id, parsed.data),
			{ values }
		);
		if (!('added' in result)) return result;
		return { saved: true, added: result.added };
	}
});
