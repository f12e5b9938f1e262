import type { Database } from '../../src/lib/server/db';
import { createUser as createUserRow } from '../../src/lib/server/accounts/users';
import { systemActor } from '../../src/lib/server/accounts/audit';
import type { Role } from '../../src/lib/domain/roles';
import type { SessionUser } from '../../src/lib/server/auth/types';

let counter = 0;

/** A user for database tests, returned as the SessionUser the policy and repositories take. */
export async function createUser(
	db: Database,
	input: { role: Role; municipalityCode?: string; email?: string; name?: string }
): Promise<SessionUser> {
	counter += 1;
	const { user } = await createUserRow(db, systemActor, {
		email: input.email ?? `user${counter}-${Date.now()}@test.se`,
		name: input.name ?? `Test ${counter}`,
		role: input.role,
		municipalityCode: input.municipalityCode ?? null,
		password: 'test-password-123'
	});
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		municipalityCode: user.municipalityCode,
		mustChangePassword: false
	};
}
