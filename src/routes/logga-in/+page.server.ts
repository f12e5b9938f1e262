import { fail, redirect } from '@sveltejs/kit';
import { signInSchema, safeReturnTo } from '$lib/schemas/auth';
import { fieldErrors } from '$lib/schemas/errors';
import { translate } from '$lib/i18n';
import { findUserForSignIn } from '$lib/server/repositories/users';
import { verifyPassword, hashPassword } from '$lib/server/auth/password';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { secureCookies } from '$lib/server/auth/handle';
import {
	accountKey,
	addressKey,
	blockedUntil,
	clearFailures,
	limits,
	recordFailure
} from '$lib/server/auth/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturnTo(url.searchParams.get('returnTo')));
	return {
		/** Where to go after signing in. */
		returnTo: safeReturnTo(url.searchParams.get('returnTo'))
	};
};

// Verifying against a dummy hash when the e-mail is unknown keeps the response time the same,
// so timing does not reveal which addresses have accounts.
const dummyHash = hashPassword('kommunkompassen-dummy-password');

export const actions: Actions = {
	/** Signs in with e-mail and password; the same message for unknown e-mail and wrong password. */
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? '') };
		const returnTo = safeReturnTo(form.get('returnTo'));
		const parsed = signInSchema.safeParse({
			email: form.get('email'),
			password: form.get('password')
		});
		if (!parsed.success) {
			return fail(400, { values, errors: fieldErrors(parsed.error, locals.locale) });
		}
		const { email, password } = parsed.data;
		const keys = [accountKey(email), addressKey(getClientAddress())];
		const until = await blockedUntil(locals.db, keys);
		if (until) {
			const time = until.toLocaleTimeString(locals.locale === 'sv' ? 'sv-SE' : 'en-GB', {
				hour: '2-digit',
				minute: '2-digit',
				timeZone: 'Europe/Stockholm'
			});
			return fail(429, {
				values,
				errors: { _form: translate(locals.locale, 'auth.login.rateLimited', { time }) }
			});
		}
		const user = await findUserForSignIn(locals.db, email);
		const valid = user
			? user.active && (await verifyPassword(user.passwordHash, password))
			: (await verifyPassword(await dummyHash, password)) && false;
		if (!user || !valid) {
			await recordFailure(locals.db, [
				{ key: keys[0], limit: limits.perAccount },
				{ key: keys[1], limit: limits.perAddress }
			]);
			return fail(400, {
				values,
				errors: { _form: translate(locals.locale, 'auth.login.failed') }
			});
		}
		await clearFailures(locals.db, keys[0]);
		const session = await createSession(locals.db, user.id);
		setSessionCookie(cookies, session.token, session.expiresAt, secureCookies(url));
		redirect(303, user.mustChangePassword ? '/konto/losenord' : returnTo);
	}
};
