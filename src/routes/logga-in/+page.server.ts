import { fail, redirect } from '@sveltejs/kit';
import { signInSchema, safeReturnTo } from '$lib/schemas/auth';
import { parseForm, refuse, typedValues } from '$lib/server/http/parse-form';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { secureCookies } from '$lib/server/auth/handle';
import { checkSignIn } from '$lib/server/auth/sign-in';
import { deviceCookieName, rememberDevice, setDeviceCookie } from '$lib/server/auth/device';
import { formatRetryTime } from '$lib/server/auth/retry-time';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	const returnTo = safeReturnTo(url.searchParams.get('returnTo'), url.origin);
	if (locals.user) redirect(303, returnTo);
	return {
		/** Where to go after signing in: a path on this origin, never a URL elsewhere. */
		returnTo
	};
};

export const actions: Actions = {
	/** Signs in with e-mail and password; the same message for unknown e-mail and wrong password. */
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const values = typedValues(form, 'email');
		const returnTo = safeReturnTo(form.get('returnTo'), url.origin);
		const parsed = parseForm(locals, form, signInSchema, { values });
		if (!parsed.ok) return parsed.failure;
		const { email, password } = parsed.data;
		const deviceToken = cookies.get(deviceCookieName);
		const check = await checkSignIn(locals.db, {
			email,
			password,
			address: getClientAddress(),
			deviceToken
		});
		if (check.outcome === 'throttled') {
			const time = formatRetryTime(check.retryAt, locals.locale);
			// Shaped like every other refusal (a message per field), with 429 for the client.
			const errors: Record<string, string> = {
				_form: m['auth.login.rateLimited']({ time }, { locale: locals.locale })
			};
			return fail(429, { values, errors });
		}
		if (check.outcome === 'failed') {
			return refuse(locals, '_form', 'auth.login.failed', { values });
		}
		const { user } = check;
		const session = await createSession(locals.db, user.id);
		setSessionCookie(cookies, session.token, session.expiresAt, secureCookies(url));
		// This browser now knows the password: the ceilings that guessing elsewhere fills no
		// longer hold it (auth/device.ts).
		setDeviceCookie(
			cookies,
			await rememberDevice(locals.db, user, deviceToken),
			secureCookies(url)
		);
		redirect(303, user.mustChangePassword ? '/konto/losenord' : returnTo);
	}
};
