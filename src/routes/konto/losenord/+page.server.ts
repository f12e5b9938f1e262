import { fail } from '@sveltejs/kit';
import { newPasswordSchema } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/errors';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { checkCurrentPassword } from '$lib/server/auth/sign-in';
import { formatRetryTime } from '$lib/server/auth/retry-time';
import { setPassword } from '$lib/server/repositories/users';
import { actorOf } from '$lib/server/repositories/audit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = authorizeGlobal(locals, 'account.changePassword', url);
	return {
		/** True after sign-in with a one-time password: nothing else is possible until changed. */
		mustChange: user.mustChangePassword
	};
};

export const actions: Actions = {
	/** Changes one's own password and ends every other session of the account. */
	default: async ({ request, locals, url }) => {
		const user = authorizeGlobal(locals, 'account.changePassword', url);
		const form = await request.formData();
		const parsed = newPasswordSchema.safeParse({
			current: form.get('current') ?? '',
			password: form.get('password') ?? '',
			confirm: form.get('confirm') ?? ''
		});
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error, locals.locale) });
		const current = await checkCurrentPassword(locals.db, user, parsed.data.current);
		if (typeof current === 'object') {
			const time = formatRetryTime(current.retryAt, locals.locale);
			return fail(429, {
				errors: { current: m['auth.password.rateLimited']({ time }, { locale: locals.locale }) }
			});
		}
		if (current === 'failed') {
			return fail(400, {
				errors: { current: m['auth.password.wrongCurrent']({}, { locale: locals.locale }) }
			});
		}
		if (parsed.data.current === parsed.data.password) {
			return fail(400, {
				errors: { password: m['auth.password.sameAsOld']({}, { locale: locals.locale }) }
			});
		}
		await setPassword(locals.db, actorOf(user), user.id, parsed.data.password, {
			mustChange: false,
			keepSessionId: locals.session?.id
		});
		return { changed: true };
	}
};
