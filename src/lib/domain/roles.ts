/**
 * The roles a user account can have. What each role may do is the policy's business
 * (server/auth/policy.ts); the list lives here so the database types, the zod schemas, the CLI
 * and the admin page all read the same one.
 */
export const roles = ['coordinator', 'evaluator', 'municipality'] as const;
export type Role = (typeof roles)[number];

/** Who may be put on an evaluation's team: an active evaluator. */
export function mayJoinTeam(user: { role: Role; active: boolean }): boolean {
	return user.role === 'evaluator' && user.active;
}

/** Who may be an evaluation's contact: an active contact person of that municipality. */
export function mayBeContact(
	user: { role: Role; active: boolean; municipalityCode: string | null },
	municipalityCode: string
): boolean {
	return user.role === 'municipality' && user.active && user.municipalityCode === municipalityCode;
}
