import { z } from 'zod';

/**
 * Inviting a new person from the new-evaluation and set-up forms, without leaving them: the
 * fields ride along in the evaluation's own form (prefixed `invite`), sent by the Invite button.
 */
export const invitePersonSchema = z.object({
	inviteName: z.string().trim().min(1, 'errors.required').max(200, 'errors.invalid').prefault(''),
	inviteEmail: z
		.string()
		.trim()
		.min(1, 'errors.required')
		.max(254, 'errors.email')
		.email('errors.email')
		.prefault(''),
	inviteAs: z.enum(['evaluator', 'contact'], { error: 'errors.invalid' }).prefault('evaluator')
});
