import { redirect } from '@sveltejs/kit';
import { chosenPasswordSchema } from '$lib/schemas/auth';
import { parseForm, refuse } from '$lib/server/http/parse-form';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { secureCookies } from '$lib/server/auth/handle';
import { hashPassword } from '$lib/server/auth/password';
import { findUsableToken, redeemAccountToken } from '$lib/server/accounts/account-tokens';
import type { Actions, PageServerLoad } from './$types';

/**
 * The page an invitation or reset link opens: the new password twice, then signed in. The link
 * works once, for 7 days (invitation) or an hour (reset), and not after a newer link was sent.
 */
export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	// The token is in the URL: no cache may keep the page, and no Referer carries it on.
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const token = await findUsableToken(locals.db, params.token);
	return {
		/** Whose password is chosen; null when the link no longer works. */
		email: token?.email ?? null,
		purpose: token?.purpose ?? null
	};
};

export const actions: Actions = {
	/** Sets the password (the token is used by the same statement), then signs the user in. */
	default: async ({ request, locals, params, cookies, url }) => {
		const parsed = parseForm(locals, await request.formData(), chosenPasswordSchema);
		if (!parsed.ok) return parsed.failure;
		const userId = await redeemAccountToken(
			locals.db,
			params.token,
			await hashPassword(parsed.data.password)
		);
		if (userId === undefined) return refuse(locals, '_form', 'auth.token.invalid');
		const session = await createSession(locals.db, userId);
		setSessionCookie(cookies, session.token, session.expiresAt, secureCookies(url));
		redirect(303, '/utvarderingar');
	}
};
