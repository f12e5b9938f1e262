import type { Role } from '$lib/domain/roles';

/** What the app knows about the signed-in user on every request. */
export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	/** For role 'municipality': the municipality they are the contact person of. */
	municipalityCode: string | null;
	/** A one-time password was used: the user must choose a new one before anything else. */
	mustChangePassword: boolean;
}
