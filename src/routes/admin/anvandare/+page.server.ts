import { externalId } from '$lib/schemas/id';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/accounts/audit';
import {
	DuplicateEmailError,
	findUserById,
	listUsers,
	updateUser
} from '$lib/server/accounts/users';
import { inviteUser, resendInvitation } from '$lib/server/accounts/invitations';
import { appOrigin, mailConfig } from '$lib/server/mail/config';
import { wakeOutbox } from '$lib/server/jobs/outbox';
import { findMunicipalityByCode, listMunicipalities } from '$lib/server/register/municipalities';
import { createUserSchema, updateUserSchema } from '$lib/schemas/users';
import { parseForm, refuse, typedValues } from '$lib/server/http/parse-form';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	authorizeGlobal(locals, 'user.manage', url);
	return {
		users: await listUsers(locals.db),
		/** For the contact persons' municipality choice. */
		municipalities: (await listMunicipalities(locals.db)).map((m) => ({
			code: m.code,
			name: m.name
		})),
		selfId: locals.user?.id
	};
};

/** The account a row's buttons act on (a hidden field). */
const idSchema = z.object({
	id: externalId
});

export const actions: Actions = {
	/**
	 * Creates a user and sends an invitation with a link to choose a password: no password is
	 * shown or handed over (without a mail server the invitation waits in the Utkorg).
	 */
	create: async ({ request, locals, url }) => {
		const me = authorizeGlobal(locals, 'user.manage', url);
		const form = await request.formData();
		const context = {
			action: 'create' as const,
			values: typedValues(form, 'email', 'name', 'role', 'municipalityCode')
		};
		const parsed = parseForm(locals, form, createUserSchema, context);
		if (!parsed.ok) return parsed.failure;
		if (
			parsed.data.municipalityCode &&
			!(await findMunicipalityByCode(locals.db, parsed.data.municipalityCode))
		) {
			return refuse(locals, 'municipalityCode', 'errors.municipalityCode', context);
		}
		try {
			const { user } = await inviteUser(
				locals.db,
				actorOf(me),
				{ ...parsed.data, locale: locals.locale },
				{ origin: appOrigin(url.origin), inviter: me.name || me.email }
			);
			wakeOutbox();
			const message = mailConfig() ? m['admin.users.invited'] : m['admin.users.invitedNoSmtp'];
			return {
				action: 'create' as const,
				message: message({ email: user.email }, { locale: locals.locale })
			};
		} catch (e) {
			if (e instanceof DuplicateEmailError) {
				return refuse(locals, 'email', 'admin.users.duplicate', context);
			}
			throw e;
		}
	},
	/** Changes a user's name, role or municipality. */
	update: async ({ request, locals, url }) => {
		const me = authorizeGlobal(locals, 'user.manage', url);
		const parsed = parseForm(locals, await request.formData(), updateUserSchema, {
			action: 'update' as const
		});
		if (!parsed.ok) return parsed.failure;
		const target = await findUserById(locals.db, parsed.data.id);
		if (!target) return notFound(locals, 'update');
		const context = { action: 'update' as const, id: target.id };
		if (target.id === me.id && parsed.data.role !== target.role) {
			return refuse(locals, '_form', 'admin.users.notSelf', context);
		}
		if (
			parsed.data.municipalityCode &&
			!(await findMunicipalityByCode(locals.db, parsed.data.municipalityCode))
		) {
			return refuse(locals, 'municipalityCode', 'errors.municipalityCode', context);
		}
		await updateUser(locals.db, actorOf(me), target.id, parsed.data);
		return { ...context, message: m['admin.users.updated']({}, { locale: locals.locale }) };
	},
	/** Deactivates or reactivates an account; deactivation ends its sessions at once. */
	toggleActive: async ({ request, locals, url }) => {
		const me = authorizeGlobal(locals, 'user.manage', url);
		const action = 'toggleActive' as const;
		const parsed = parseForm(locals, await request.formData(), idSchema, { action }, ['id']);
		if (!parsed.ok) return parsed.failure;
		const target = await findUserById(locals.db, parsed.data.id);
		if (!target) return notFound(locals, action);
		const context = { action, id: target.id };
		if (target.id === me.id) return refuse(locals, '_form', 'admin.users.notSelf', context);
		await updateUser(locals.db, actorOf(me), target.id, { active: !target.active });
		return { ...context, message: m['admin.users.updated']({}, { locale: locals.locale }) };
	},
	/** Sends a new invitation link (the previous one stops working); no password is shown. */
	resendInvitation: async ({ request, locals, url }) => {
		const me = authorizeGlobal(locals, 'user.manage', url);
		const action = 'resendInvitation' as const;
		const parsed = parseForm(locals, await request.formData(), idSchema, { action }, ['id']);
		if (!parsed.ok) return parsed.failure;
		const sent = await resendInvitation(locals.db, parsed.data.id, {
			origin: appOrigin(url.origin),
			inviter: me.name || me.email
		});
		if (!sent) return notFound(locals, action);
		wakeOutbox();
		return {
			action,
			id: parsed.data.id,
			message: m['admin.users.resent']({ email: sent.email }, { locale: locals.locale })
		};
	}
};

/** 404 for an account that is not there (deleted since the page loaded). */
function notFound<A extends string>(locals: App.Locals, action: A) {
	const refused = refuse(locals, '_form', 'errors.notFound', { action });
	return fail(404, refused.data);
}
