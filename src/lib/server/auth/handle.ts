import type { Handle } from '@sveltejs/kit';
import { dev } from '$app/environment';
import {
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie,
	validateSessionToken
} from './session';

/** Whether cookies get the Secure flag: always, except plain-http localhost development. */
export function secureCookies(url: URL): boolean {
	return !(dev || (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname)));
}

/** Resolves the session cookie to `locals.user`; a bad or expired token is simply dropped. */
export const authenticate: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookieName);
	if (token) {
		const result = await validateSessionToken(event.locals.db, token);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = { id: result.session.id, expiresAt: result.session.expiresAt };
			if (result.session.renewed) {
				setSessionCookie(event.cookies, token, result.session.expiresAt, secureCookies(event.url));
			}
		} else {
			deleteSessionCookie(event.cookies);
		}
	}
	return resolve(event);
};
