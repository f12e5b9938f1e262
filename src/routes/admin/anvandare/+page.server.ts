import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { actorOf } from '$lib/server/repositories/audit';
import { generateOneTimePassword } from '$lib/server/auth/password';
import {
	createUser,
	DuplicateEmailError,
	findUserById,
	listUsers,
	setPassword,
	updateUser
} from '$lib/server/repositories/users';
import {
	findMunicipalityByCode,
	listMunicipalities
} from '$lib/server/repositories/municipalities';
import { createUserSchema, updateUserSchema } from '$lib/schemas/users';
import { fieldErrors } from '$lib/schemas/errors';
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

const idSchema = z.object({ id: z.coerce.number().int().positive() });

export const actions: Actions = {
	/** Creates a user with a one-time password, shown once to the coordinator. */
	create: async ({ request, locals, url }) => {
		const me = authorizeGlobal(locals, 'user.manage', url);
		const form = Object.fromEntries(await request.formData());
		const values = {
			email: String(form.email ?? ''),
			name: String(form.name ?? ''),
			role: String(form.role ?? ''),
			municipalityCode: String(form.municipalityCode ?? '')
		};
		const parsed = createUserSchema.safeParse(form);
		if (!parsed.success) {
			return fail(400, {
				action: 'create',
				values,
				errors: fieldErrors(parsed.error, locals.locale)
			});
		}
		if (
			parsed.data.municipalityCode &&
			!(await findMunicipalityByCode(locals.db, parsed.data.municipalityCode))
		) {
			return fail(400, {
				action: 'create',
				values,
				errors: { municipalityCode: m['errors.municipalityCode']({}, { locale: locals.locale }) }
			});
		}
		try {
			const { user, oneTimePassword } = await createUser(locals.db, actorOf(me), parsed.data);
			return {
				action: 'create',
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
				return fail(400, {
					action: 'create',
					values,
					errors: { email: m['admin.users.duplicate']({}, { locale: locals.locale }) }
				});
			}
			throw e;
		}
	},
	/** Changes a user's name, role or municipality. */
	update: async ({ request, locals, url }) => {
		const me = authorizeGlobal(locals, 'user.manage', url);
		const parsed = updateUserSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, { action: 'update', errors: fieldErrors(parsed.error, locals.locale) });
		}
		const target = await findUserById(locals.db, parsed.data.id);
		if (!target)
			return fail(404, {
				action: 'update',
				errors: { _form: m['errors.notFound']({}, { locale: locals.locale }) }
			});
		if (target.id === me.id && parsed.data.role !== target.role) {
			return fail(400, {
				action: 'update',
				id: target.id,
				errors: { _form: m['admin.users.notSelf']({}, { locale: locals.locale }) }
			});
		}
		if (
			parsed.data.municipalityCode &&
			!(await findMunicipalityByCode(locals.db, parsed.data.municipalityCode))
		) {
			return fail(400, {
				action: 'update',
				id: target.id,
				errors: { municipalityCode: m['errors.municipalityCode']({}, { locale: locals.locale }) }
			});
		}
		await updateUser(locals.db, actorOf(me), target.id, parsed.data);
		return {
			action: 'update',
			id: target.id,
			message: m['admin.users.updated']({}, { locale: locals.locale })
		};
	},
	/** Deactivates or reactivates an account; deactivation ends its sessions at once. */
	toggleActive: async ({ request, locals, url }) => {
		const me = authorizeGlobal(locals, 'user.manage', url);
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, {
				action: 'toggleActive',
				errors: { _form: m['errors.invalid']({}, { locale: locals.locale }) }
			});
		const target = await findUserById(locals.db, parsed.data.id);
		if (!target)
			return fail(404, {
				action: 'toggleActive',
				errors: { _form: m['errors.notFound']({}, { locale: locals.locale }) }
			});
		if (target.id === me.id) {
			return fail(400, {
				action: 'toggleActive',
				id: target.id,
				errors: { _form: m['admin.users.notSelf']({}, { locale: locals.locale }) }
			});
		}
		await updateUser(locals.db, actorOf(me), target.id, { active: !target.active });
		return {
			action: 'toggleActive',
			id: target.id,
			message: m['admin.users.updated']({}, { locale: locals.locale })
		};
	},
	/** Gives a user a new one-time password (shown once); their sessions end. */
	resetPassword: async ({ request, locals, url }) => {
		const me = authorizeGlobal(locals, 'user.manage', url);
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success)
			return fail(400, {
				action: 'resetPassword',
				errors: { _form: m['errors.invalid']({}, { locale: locals.locale }) }
			});
		const target = await findUserById(locals.db, parsed.data.id);
		if (!target)
			return fail(404, {
				action: 'resetPassword',
				errors: { _form: m['errors.notFound']({}, { locale: locals.locale }) }
			});
		const password = generateOneTimePassword();
		await setPassword(locals.db, actorOf(me), target.id, password, { mustChange: true });
		return {
			action: 'resetPassword',
			id: target.id,
			message: m['admin.users.reset']({ email: target.email, password }, { locale: locals.locale })
		};
	}
};
