import { z } from 'zod';

/** Passwords shorter than this are refused. */
export const minPasswordLength = 12;

/** A form's absent field reads as an empty one ('' is then refused or checked like any text). */
export const signInSchema = z.object({
	email: z.string().trim().min(1, 'errors.required').max(254, 'errors.email').prefault(''),
	password: z.string().min(1, 'errors.required').max(1000, 'errors.invalid').prefault('')
});

/** A new password, typed twice: the rules and the check that both match, for every password form. */
const newPassword = {
	password: z
		.string()
		.min(minPasswordLength, 'auth.password.tooShort')
		.max(1000, 'errors.invalid')
		.prefault(''),
	confirm: z.string().max(1000).prefault('')
};
const confirmed = [
	(v: { password: string; confirm: string }) => v.password === v.confirm,
	{ path: ['confirm'], message: 'auth.password.mismatch' }
] satisfies [unknown, { path: string[]; message: string }];

export const newPasswordSchema = z
	.object({ current: z.string().max(1000).prefault(''), ...newPassword })
	.refine(...confirmed);

/**
 * A same-origin path to return to (after sign-in, after choosing a language); anything else
 * becomes `fallback`.
 * String checks cannot see what a browser will make of `/\t/evil.example` or `/\\evil`, so the
 * value is parsed as a URL against the origin, the way the browser will resolve the Location,
 * and kept only when it stays on the origin. The result is the parsed, percent-encoded path, so
 * control characters never reach a header.
 */
export function safeReturnTo(
	value: unknown,
	origin = 'http://kommunkompassen.invalid',
	fallback = '/utvarderingar'
): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) {
		return fallback;
	}
	let url: URL;
	try {
		url = new URL(value, origin);
	} catch {
		return fallback;
	}
	if (url.origin !== new URL(origin).origin) return fallback;
	const path = url.pathname + url.search + url.hash;
	// `/.//evil` resolves to the path `//evil`, which a Location header would take as a host.
	return path.startsWith('//') ? fallback : path;
}

/** Choosing a password through an invitation or reset link: the new password twice. */
export const chosenPasswordSchema = z.object(newPassword).refine(...confirmed);

/** "Glömt lösenordet": only the address (form field `email`). */
export const forgotPasswordSchema = z.object({
	email: z.string().trim().min(1, 'errors.required').max(254, 'errors.email').prefault('')
});
