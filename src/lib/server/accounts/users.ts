import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { recordAudit, type Actor } from './audit';
import { generateOneTimePassword, hashPassword } from '../auth/password';
import type { Role } from '$lib/domain/roles';
import { svCollator } from '$lib/i18n';

export interface UserSummary {
	id: number;
	email: string;
	name: string;
	role: Role;
	municipalityCode: string | null;
	active: boolean;
	mustChangePassword: boolean;
}

const summaryColumns = [
	'id',
	'email',
	'name',
	'role',
	'municipality_code as municipalityCode',
	'active',
	'must_change_password as mustChangePassword'
] as const;

/** What the audit trail records of a user: never the password hash. */
const auditView = (u: UserSummary) => ({
	email: u.email,
	name: u.name,
	role: u.role,
	municipalityCode: u.municipalityCode,
	active: u.active
});

export async function listUsers(db: Database): Promise<UserSummary[]> {
	const rows = await db.selectFrom('app_user').select(summaryColumns).execute();
	return rows.sort((a, b) => svCollator.compare(a.name || a.email, b.name || b.email));
}

export async function findUserById(db: Database, id: number): Promise<UserSummary | undefined> {
	return db.selectFrom('app_user').select(summaryColumns).where('id', '=', id).executeTakeFirst();
}

/** For sign-in: the user with this e-mail (case-insensitive) and the password hash. */
export async function findUserForSignIn(db: Database, email: string) {
	return db
		.selectFrom('app_user')
		.select([...summaryColumns, 'password_hash as passwordHash'])
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
		.executeTakeFirst();
}

export class DuplicateEmailError extends Error {}

export interface NewUser {
	email: string;
	name?: string;
	role: Role;
	municipalityCode?: string | null;
	/** Without one, a one-time password is generated and must be changed at first sign-in. */
	password?: string;
}

/** Creates a user; returns the one-time password when one was generated. */
export async function createUser(
	db: Database,
	actor: Actor,
	input: NewUser
): Promise<{ user: UserSummary; oneTimePassword: string | null }> {
	const oneTimePassword = input.password ? null : generateOneTimePassword();
	const passwordHash = await hashPassword(input.password ?? (oneTimePassword as string));
	return db.transaction().execute(async (trx) => {
		const user = await insertUser(trx, actor, input, passwordHash, oneTimePassword !== null);
		return { user, oneTimePassword };
	});
}

/**
 * Inserts a user inside the caller's transaction (refusing a taken e-mail address) and records it
 * in the audit trail: shared by createUser and the invitations, which add their token and mail in
 * the same transaction.
 */
export async function insertUser(
	trx: Transaction<DB>,
	actor: Actor,
	input: Omit<NewUser, 'password'> & { locale?: 'sv' | 'en' },
	passwordHash: string,
	mustChangePassword: boolean
): Promise<UserSummary> {
	const existing = await trx
		.selectFrom('app_user')
		.select('id')
		.where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.trim().toLowerCase()))
		.executeTakeFirst();
	if (existing) throw new DuplicateEmailError(input.email);
	const user = await trx
		.insertInto('app_user')
		.values({
			email: input.email.trim(),
			name: input.name?.trim() ?? '',
			role: input.role,
			municipality_code: input.role === 'municipality' ? (input.municipalityCode ?? null) : null,
			password_hash: passwordHash,
			must_change_password: mustChangePassword,
			...(input.locale ? { locale: input.locale } : {})
		})
		.returning(summaryColumns)
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actor,
		entity: 'app_user',
		entityId: user.id,
		action: 'create',
		after: auditView(user)
	});
	return user;
}

export interface UserChanges {
	name?: string;
	role?: Role;
	municipalityCode?: string | null;
	active?: boolean;
}

/** Changes a user's role, municipality, name or active flag; deactivation ends their sessions. */
export async function updateUser(
	db: Database,
	actor: Actor,
	userId: number,
	changes: UserChanges
): Promise<UserSummary | undefined> {
	return db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('app_user')
			.select(summaryColumns)
			.where('id', '=', userId)
			.forUpdate()
			.executeTakeFirst();
		if (!before) return undefined;
		const role = changes.role ?? before.role;
		const after = await trx
			.updateTable('app_user')
			.set({
				name: changes.name ?? before.name,
				role,
				municipality_code:
					role === 'municipality' ? (changes.municipalityCode ?? before.municipalityCode) : null,
				active: changes.active ?? before.active,
				updated_at: new Date()
			})
			.where('id', '=', userId)
			.returning(summaryColumns)
			.executeTakeFirstOrThrow();
		if (!after.active) await trx.deleteFrom('user_session').where('user_id', '=', userId).execute();
		await recordAudit(trx, {
			actor,
			entity: 'app_user',
			entityId: userId,
			action: before.active && !after.active ? 'deactivate' : 'update',
			before: auditView(before),
			after: auditView(after)
		});
		return after;
	});
}

/**
 * Sets a new password. A generated one-time password must be changed at next sign-in; a
 * password the user chose does not. All sessions except `keepSessionId` end.
 */
export async function setPassword(
	db: Database,
	actor: Actor,
	userId: number,
	password: string,
	options: { mustChange: boolean; keepSessionId?: string }
) {
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('app_user')
			.set({
				password_hash: passwordHash,
				must_change_password: options.mustChange,
				updated_at: new Date()
			})
			.where('id', '=', userId)
			.execute();
		let sessions = trx.deleteFrom('user_session').where('user_id', '=', userId);
		if (options.keepSessionId) sessions = sessions.where('id', '!=', options.keepSessionId);
		await sessions.execute();
		await recordAudit(trx, {
			actor,
			entity: 'app_user',
			entityId: userId,
			action: options.mustChange ? 'reset-password' : 'change-password'
		});
	});
}

/**
 * On a database without a coordinator: one with a random one-time password, returned so the
 * caller can print it once. Nothing is created when a coordinator exists.
 */
export async function ensureFirstCoordinator(
	db: Database,
	email = 'samordnare@kommunkompassen.local'
): Promise<{ email: string; oneTimePassword: string } | null> {
	// The demo's own accounts are no coordinators: the first coordinator is still made.
	const coordinator = await db
		.selectFrom('app_user')
		.select('id')
		.where('role', '=', 'coordinator')
		.limit(1)
		.executeTakeFirst();
	if (coordinator) return null;
	const { oneTimePassword } = await createUser(
		db,
		{ id: null, label: 'system' },
		{ email, name: 'Samordnare', role: 'coordinator' }
	);
	return { email, oneTimePassword: oneTimePassword as string };
}
