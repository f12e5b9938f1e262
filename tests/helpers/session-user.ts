import type { SessionUser } from '../../src/lib/server/auth/types';

/** A signed-in user as the policy sees it, for policy tests that need no database. */
export const sessionUser = (
	id: number,
	role: SessionUser['role'],
	municipalityCode: string | null = null
): SessionUser => ({
	id,
	email: `${id}@test.se`,
	name: '',
	role,
	municipalityCode,
	mustChangePassword: false
});
