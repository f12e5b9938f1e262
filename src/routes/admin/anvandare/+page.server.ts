import { externalId } from '$lib/schemas/id';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/accounts/audit';
import { generateOneTimePassword } from '$lib/server/auth/password';
import {
	createUser,
	DuplicateEmailError,
	findUserById,
	listUsers,
	setPassword,
	updateUser
} from '$lib/server/accounts/users';
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
	/** Creates a user with a one-time password, shown once to the coordinator. */
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
			const { user, oneTimePassword } = await createUser(locals.db, actorOf(me), parsed.data);
			return {
				action: 'create' as const,
				message: m['admin.users.created'](
					{
						email: user.email,
						password: oneTimePassword ?? ''
					},
					{ locale: locals.locale }
				)
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
	/** Gives a user a new one-time password (shown once); their sessions end. */
	resetPassword: async ({ request, locals, url }) => {
		const me = authorizeGlobal(locals, 'user.manage', url);
		const action = 'resetPassword' as const;
		const parsed = parseForm(locals, await request.formData(), idSchema, { action }, ['id']);
		if (!parsed.ok) return parsed.failure;
		const target = await findUserById(locals.db, parsed.data.id);
		if (!target) return notFound(locals, action);
		const password = generateOneTimePassword();
		await setPassword(locals.db, actorOf(me), target.id, password, { mustChange: true });
		return {
			action,
			id: target.id,
			message: m['admin.users.reset']({ email: target.email, password }, { locale: locals.locale })
		};
	}
};

/** 404 for an account that is not there (deleted since the page loaded). */
function notFound<A extends string>(locals: App.Locals, action: A) {
	const refused = refuse(locals, '_form', 'errors.notFound', { action });
	return fail(404, refused.data);
}
