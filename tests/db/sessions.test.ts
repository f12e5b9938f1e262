import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { sha256 } from '@oslojs/crypto/sha2';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import {
	createSession,
	inactivityTimeoutMs,
	invalidateSession,
	renewalIntervalMs,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import {
	updateUser,
	setPassword,
	ensureFirstCoordinator
} from '../../src/lib/server/accounts/users';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { systemActor } from '../../src/lib/server/accounts/audit';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

describe('sessions', () => {
	it('stores only a hash of the secret and validates the token', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		const { id, token } = await createSession(t.db, user.id);
		const [, secret] = token.split('.');
		const row = await t.db
			.selectFrom('user_session')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(Buffer.from(row.secret_hash).toString('utf8')).not.toContain(secret);
		expect(row.secret_hash.length).toBe(32);
		const result = await validateSessionToken(t.db, token);
		expect(result?.user.id).toBe(user.id);
		expect(result?.user.role).toBe('evaluator');
	});

	it('makes tokens of two 24-character base32 parts, and still accepts the earlier alphabet', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		const { token } = await createSession(t.db, user.id);
		expect(token).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
		// A session signed in before the switch: its id and secret use 8 and 9, not in base32.
		const id = 'abcdefghijkmnpqrstuvwx89';
		const secret = 'zyxwvutsrqpnmkjihgfed98a';
		await t.db
			.insertInto('user_session')
			.values({
				id,
				user_id: user.id,
				secret_hash: sha256(new TextEncoder().encode(secret)),
				created_at: new Date(),
				last_verified_at: new Date()
			})
			.execute();
		expect((await validateSessionToken(t.db, `${id}.${secret}`))?.user.id).toBe(user.id);
	});

	it('refuses a forged secret, a malformed token and an unknown id', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		const { token } = await createSession(t.db, user.id);
		const [id, secret] = token.split('.');
		const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		expect(await validateSessionToken(t.db, `${id}.${flipped}`)).toBeNull();
		expect(await validateSessionToken(t.db, id)).toBeNull();
		expect(await validateSessionToken(t.db, `nosuchid.${secret}`)).toBeNull();
		expect(await validateSessionToken(t.db, `${id}.${secret}.x`)).toBeNull();
	});

	it('expires after inactivity and deletes the session', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		const start = new Date('2026-01-01T08:00:00Z');
		const { id, token } = await createSession(t.db, user.id, start);
		const late = new Date(start.getTime() + inactivityTimeoutMs + 1000);
		expect(await validateSessionToken(t.db, token, late)).toBeNull();
		expect(
			await t.db.selectFrom('user_session').select('id').where('id', '=', id).executeTakeFirst()
		).toBeUndefined();
	});

	it('slides forward with activity, writing at most once per renewal interval', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		const start = new Date('2026-01-01T08:00:00Z');
		const { token } = await createSession(t.db, user.id, start);
		const soon = await validateSessionToken(t.db, token, new Date(start.getTime() + 1000));
		expect(soon?.session.renewed).toBe(false);
		const later = new Date(start.getTime() + renewalIntervalMs + 1000);
		const renewed = await validateSessionToken(t.db, token, later);
		expect(renewed?.session.renewed).toBe(true);
		expect(renewed?.session.expiresAt.getTime()).toBe(later.getTime() + inactivityTimeoutMs);
		// Still valid past the original expiry because activity renewed it.
		const beyondOriginal = new Date(start.getTime() + inactivityTimeoutMs + 60_000);
		expect(await validateSessionToken(t.db, token, beyondOriginal)).not.toBeNull();
	});

	it('ends on sign-out, and all but the current one on password change', async () => {
		const user = await createUser(t.db, { role: 'coordinator' });
		const a = await createSession(t.db, user.id);
		const b = await createSession(t.db, user.id);
		await invalidateSession(t.db, a.id);
		expect(await validateSessionToken(t.db, a.token)).toBeNull();
		const c = await createSession(t.db, user.id);
		await setPassword(t.db, systemActor, user.id, 'a-new-password-1234', {
			mustChange: false,
			keepSessionId: c.id
		});
		expect(await validateSessionToken(t.db, b.token)).toBeNull();
		expect(await validateSessionToken(t.db, c.token)).not.toBeNull();
	});

	it('a deactivated user is signed out at once', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		const { token } = await createSession(t.db, user.id);
		await updateUser(t.db, systemActor, user.id, { active: false });
		expect(await validateSessionToken(t.db, token)).toBeNull();
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action'])
			.where('entity', '=', 'app_user')
			.where('entity_id', '=', String(user.id))
			.execute();
		expect(audit.map((a) => a.action)).toContain('deactivate');
	});
});

describe('first coordinator', () => {
	it('is created once, with a one-time password that must be changed', async () => {
		const empty = await createTestDatabase();
		try {
			const first = await ensureFirstCoordinator(empty.db);
			expect(first?.oneTimePassword).toMatch(/^[A-Za-z0-9]{16}$/);
			const row = await empty.db
				.selectFrom('app_user')
				.select(['role', 'must_change_password', 'password_hash'])
				.executeTakeFirstOrThrow();
			expect(row.role).toBe('coordinator');
			expect(row.must_change_password).toBe(true);
			expect(await verifyPassword(row.password_hash, first!.oneTimePassword)).toBe(true);
			expect(await ensureFirstCoordinator(empty.db)).toBeNull();
		} finally {
			await empty.close();
		}
	});
});

describe('audit trail', () => {
	it('refuses updates and deletes', async () => {
		await createUser(t.db, { role: 'evaluator' });
		await expect(sql`UPDATE audit_log SET action = 'x'`.execute(t.db)).rejects.toThrow(
			/append-only/
		);
		await expect(sql`DELETE FROM audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
		const count = await t.db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(count.n).toBeGreaterThan(0);
	});
});
