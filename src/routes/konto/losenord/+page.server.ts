import { fail } from '@sveltejs/kit';
import { newPasswordSchema } from '$lib/schemas/auth';
import { parseForm, refuse } from '$lib/server/http/parse-form';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { checkCurrentPassword } from '$lib/server/auth/sign-in';
import { formatRetryTime } from '$lib/server/auth/retry-time';
import { setPassword } from '$lib/server/accounts/users';
import { actorOf } from '$lib/server/accounts/audit';
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
		const parsed = parseForm(locals, form, newPasswordSchema);
		if (!parsed.ok) return parsed.failure;
		const current = await checkCurrentPassword(locals.db, user, parsed.data.current);
		if (typeof current === 'object') {
			const time = formatRetryTime(current.retryAt, locals.locale);
			// Shaped like every other refusal (a message per field), with 429 for the client.
			const errors: Record<string, string> = {
				current: m['auth.password.rateLimited']({ time }, { locale: locals.locale })
			};
			return fail(429, { errors });
		}
		if (current === 'failed') {
			return refuse(locals, 'current', 'auth.password.wrongCurrent');
		}
		if (parsed.data.current === parsed.data.password) {
			return refuse(locals, 'password', 'auth.password.sameAsOld');
		}
		await setPassword(locals.db, actorOf(user), user.id, parsed.data.password, {
			mustChange: false,
			keepSessionId: locals.session?.id
		});
		return { changed: true };
	}
};
