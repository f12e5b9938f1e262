import { z } from 'zod';

/** Passwords shorter than this are refused. */
export const minPasswordLength = 12;

export const signInSchema = z.object({
	email: z.string().trim().min(1, 'errors.required').max(254, 'errors.email'),
	password: z.string().min(1, 'errors.required').max(1000, 'errors.invalid')
});

export const newPasswordSchema = z
	.object({
		current: z.string().max(1000),
		password: z
			.string()
			.min(minPasswordLength, 'auth.password.tooShort')
			.max(1000, 'errors.invalid'),
		confirm: z.string().max(1000)
	})
	.refine((v) => v.password === v.confirm, {
		path: ['confirm'],
		message: 'auth.password.mismatch'
	});

/** A same-site path to return to after sign-in; anything else becomes '/utvarderingar'. */
export function safeReturnTo(value: unknown): string {
	const s = typeof value === 'string' ? value : '';
	return s.startsWith('/') && !s.startsWith('//') && !s.startsWith('/\\') ? s : '/utvarderingar';
}
