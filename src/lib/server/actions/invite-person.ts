/**
 * The invite form beside the new-evaluation and set-up forms (InvitePerson.svelte, which sends the
 * page's unsaved form along): creates the account (an evaluator, or a contact of the evaluation's
 * municipality) and queues its invitation, then hands the form back with the new person chosen.
 * Nothing else in the form is saved, and nothing is lost.
 */
import { invitePersonSchema } from '$lib/schemas/invite-person';
import { parseForm, refuse } from '../http/parse-form';
import { actorOf } from '../accounts/audit';
import { DuplicateEmailError } from '../accounts/users';
import { inviteUser } from '../accounts/invitations';
import { appOrigin } from '../mail/config';
import { wakeOutbox } from '../jobs/outbox';
import type { SessionUser } from '../auth/types';

export async function invitePerson<C extends Record<string, unknown>>(
	locals: App.Locals,
	me: SessionUser,
	form: FormData,
	options: { municipalityCode: string | null; origin: string; context: C }
) {
	const context = {
		...options.context,
		invite: {
			name: String(form.get('inviteName') ?? ''),
			email: String(form.get('inviteEmail') ?? ''),
			as: String(form.get('inviteAs') ?? 'evaluator')
		}
	};
	const parsed = parseForm(locals, form, invitePersonSchema, context);
	if (!parsed.ok) return { ok: false as const, failure: parsed.failure };
	const { inviteName, inviteEmail, inviteAs } = parsed.data;
	if (inviteAs === 'contact' && !options.municipalityCode)
		return {
			ok: false as const,
			failure: refuse(locals, 'inviteAs', 'invite.needsMunicipality', context)
		};
	try {
		const { user } = await inviteUser(
			locals.db,
			actorOf(me),
			{
				email: inviteEmail,
				name: inviteName,
				role: inviteAs === 'contact' ? 'municipality' : 'evaluator',
				municipalityCode: inviteAs === 'contact' ? options.municipalityCode : null,
				locale: locals.locale
			},
			{ origin: appOrigin(options.origin), inviter: me.name || me.email }
		);
		wakeOutbox();
		return { ok: true as const, user, as: inviteAs };
	} catch (e) {
		if (e instanceof DuplicateEmailError)
			return {
				ok: false as const,
				failure: refuse(locals, 'inviteEmail', 'admin.users.duplicate', context)
			};
		throw e;
	}
}
