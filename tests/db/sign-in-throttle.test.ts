import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { checkCurrentPassword, checkSignIn } from '../../src/lib/server/auth/sign-in';
import { reserveAttempt, throttles } from '../../src/lib/server/auth/rate-limit';
import { rememberDevice } from '../../src/lib/server/auth/device';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { updateUser } from '../../src/lib/server/accounts/users';
import { systemActor } from '../../src/lib/server/accounts/audit';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t.close();
});

/** A verifier that counts its calls and reports the hashes it was given. */
function countingVerifier() {
	const hashes: string[] = [];
	return {
		hashes,
		verify: async (hash: string, password: string) => {
			hashes.push(hash);
			return verifyPassword(hash, password);
		}
	};
}

describe('sign-in throttling', () => {
	it('verifies at most the free attempts of a burst of 40 parallel sign-ins, right password included', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		const counter = countingVerifier();
		const now = new Date();
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				checkSignIn(
					t.db,
					{
						email: user.email,
						password: i === 35 ? 'test-password-123' : `wrong-${i}`,
						address: '203.0.113.7'
					},
					{ verify: counter.verify, now }
				)
			)
		);
		expect(counter.hashes.length).toBeLessThanOrEqual(throttles.accountAddress.free);
		expect(results.filter((r) => r.outcome === 'throttled').length).toBeGreaterThanOrEqual(
			40 - throttles.accountAddress.free
		);
		expect(results.some((r) => r.outcome === 'ok')).toBe(false);
	});

	it('lets the real user in from another address while a guesser is slowed down at one', async () => {
		const user = await createUser(t.db, { role: 'coordinator' });
		const now = new Date();
		for (let i = 0; i < 8; i++) {
			await checkSignIn(
				t.db,
				{ email: user.email, password: 'guess', address: '198.51.100.1' },
				{ now }
			);
		}
		const guesser = await checkSignIn(
			t.db,
			{ email: user.email, password: 'test-password-123', address: '198.51.100.1' },
			{ now }
		);
		expect(guesser.outcome).toBe('throttled');
		const real = await checkSignIn(
			t.db,
			{ email: user.email, password: 'test-password-123', address: '192.0.2.44' },
			{ now }
		);
		expect(real.outcome).toBe('ok');
	});

	it('slows down with a growing delay instead of locking', async () => {
		const key = `test:${Date.now()}`;
		const start = new Date('2026-03-01T08:00:00Z');
		const at = (ms: number) => new Date(start.getTime() + ms);
		for (let i = 0; i < throttles.accountAddress.free; i++) {
			expect(await reserveAttempt(t.db, key, throttles.accountAddress, start)).toBe(true);
		}
		expect(await reserveAttempt(t.db, key, throttles.accountAddress, start)).toBe(false);
		expect(await reserveAttempt(t.db, key, throttles.accountAddress, at(999))).toBe(false);
		expect(await reserveAttempt(t.db, key, throttles.accountAddress, at(1000))).toBe(true);
		// The next one waits twice as long.
		expect(await reserveAttempt(t.db, key, throttles.accountAddress, at(2999))).toBe(false);
		expect(await reserveAttempt(t.db, key, throttles.accountAddress, at(3000))).toBe(true);
		const row = await t.db
			.selectFrom('login_attempt')
			.select('attempts')
			.where('key', '=', key)
			.executeTakeFirstOrThrow();
		expect(row.attempts).toBe(throttles.accountAddress.free + 2);
	});

	it('stops an account at its ceiling however many addresses guess', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		const now = new Date();
		const counter = countingVerifier();
		const ceiling = throttles.account.ceiling;
		const results = await Promise.all(
			Array.from({ length: ceiling + 20 }, (_, i) =>
				checkSignIn(
					t.db,
					{ email: user.email, password: 'x', address: `10.1.${Math.floor(i / 250)}.${i % 250}` },
					{ now, verify: async () => (counter.hashes.push('x'), false) }
				)
			)
		);
		expect(counter.hashes.length).toBe(ceiling);
		expect(results.filter((r) => r.outcome === 'throttled')).toHaveLength(20);
	});

	it('verifies a deactivated account against the dummy hash, as an unknown one', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		await updateUser(t.db, systemActor, user.id, { active: false });
		const counter = countingVerifier();
		const inactive = await checkSignIn(
			t.db,
			{ email: user.email, password: 'test-password-123', address: '192.0.2.9' },
			{ verify: counter.verify }
		);
		const unknown = await checkSignIn(
			t.db,
			{ email: `nobody-${Date.now()}@test.se`, password: 'x', address: '192.0.2.9' },
			{ verify: counter.verify }
		);
		expect([inactive.outcome, unknown.outcome]).toEqual(['failed', 'failed']);
		expect(counter.hashes).toHaveLength(2);
		expect(counter.hashes[0]).toBe(counter.hashes[1]);
	});

	it('throttles the current-password check of a password change', async () => {
		const user = await createUser(t.db, { role: 'evaluator' });
		const now = new Date();
		const counter = countingVerifier();
		const results = await Promise.all(
			Array.from({ length: 20 }, () =>
				checkCurrentPassword(t.db, user, 'wrong', { now, verify: counter.verify })
			)
		);
		expect(counter.hashes.length).toBe(throttles.passwordChange.free);
		expect(results.filter((r) => typeof r === 'object')).toHaveLength(15);
	});
});

describe('no lock-out of the owner, no spraying (issue 25, findings 1 and 3)', () => {
	const wrong = async () => false;

	it('lets a known device in after 125 failures from 25 addresses; an unknown device waits', async () => {
		const owner = await createUser(t.db, { role: 'coordinator' });
		const other = await createUser(t.db, { role: 'evaluator' });
		const before = new Date();
		// The owner signed in from this browser earlier; the other account from another one.
		const ownerDevice = await rememberDevice(t.db, owner, null, before);
		const otherDevice = await rememberDevice(t.db, other, null, before);
		const now = new Date(before.getTime() + 60_000);
		for (let a = 0; a < 25; a++) {
			for (let i = 0; i < 5; i++) {
				await checkSignIn(
					t.db,
					{ email: owner.email, password: `guess-${i}`, address: `198.18.${a}.9` },
					{ now, verify: wrong }
				);
			}
		}
		const fresh = { email: owner.email, password: 'test-password-123', address: '192.0.2.200' };
		expect((await checkSignIn(t.db, fresh, { now })).outcome).toBe('throttled');
		expect((await checkSignIn(t.db, { ...fresh, deviceToken: otherDevice }, { now })).outcome).toBe(
			'throttled'
		);
		expect(
			(await checkSignIn(t.db, { ...fresh, deviceToken: 'a'.repeat(24) }, { now })).outcome
		).toBe('throttled');
		expect((await checkSignIn(t.db, { ...fresh, deviceToken: ownerDevice }, { now })).outcome).toBe(
			'ok'
		);
	});

	it('checks at most 20 passwords of 600 different accounts from one address, then answers throttled', async () => {
		const counter = countingVerifier();
		const now = new Date();
		const outcomes: string[] = [];
		for (let i = 0; i < 600; i++) {
			const check = await checkSignIn(
				t.db,
				{ email: `spray-${i}@example.se`, password: 'Sommar2026!', address: '203.0.113.99' },
				{ now, verify: async (hash) => (counter.hashes.push(hash), false) }
			);
			outcomes.push(check.outcome);
		}
		expect(counter.hashes.length).toBe(throttles.address.ceiling);
		expect(throttles.address.ceiling).toBeLessThanOrEqual(20);
		expect(outcomes.slice(20).every((o) => o === 'throttled')).toBe(true);
		const rows = await t.db
			.selectFrom('login_attempt')
			.select('key')
			.where('key', 'like', 'email%spray-%')
			.execute();
		expect(rows.length).toBeLessThanOrEqual(2 * 20);
	});

	it('counts an IPv6 /64 as one address', async () => {
		const counter = countingVerifier();
		const now = new Date();
		const outcomes: string[] = [];
		for (let i = 0; i < 40; i++) {
			const check = await checkSignIn(
				t.db,
				{
					email: `v6-${i}@example.se`,
					password: 'x',
					address: `2001:db8:77:1:${((i * 7919) % 65536).toString(16)}::${i.toString(16)}`
				},
				{ now, verify: async (hash) => (counter.hashes.push(hash), false) }
			);
			outcomes.push(check.outcome);
		}
		expect(counter.hashes.length).toBe(throttles.address.ceiling);
		expect(outcomes.at(-1)).toBe('throttled');
	});

	it('never counts successful sign-ins against the address (a municipality behind one address)', async () => {
		const now = new Date();
		const colleagues = await Promise.all(
			Array.from({ length: 30 }, () =>
				createUser(t.db, { role: 'municipality', municipalityCode: '1883' })
			)
		);
		for (const c of colleagues) {
			const check = await checkSignIn(
				t.db,
				{ email: c.email, password: 'test-password-123', address: '198.51.100.250' },
				{ now }
			);
			expect(check.outcome).toBe('ok');
		}
		const typo = await checkSignIn(
			t.db,
			{ email: colleagues[0].email, password: 'typo', address: '198.51.100.250' },
			{ now, verify: wrong }
		);
		expect(typo.outcome).toBe('failed');
	});

	it('deletes attempts older than the longest window', async () => {
		const now = new Date('2031-01-01T12:00:00Z');
		const old = new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000);
		await t.db
			.insertInto('login_attempt')
			.values({
				key: 'email:stale@example.se',
				attempts: 3,
				window_started_at: old,
				next_attempt_at: null
			})
			.execute();
		await checkSignIn(
			t.db,
			{ email: 'someone@example.se', password: 'x', address: '192.0.2.77' },
			{ now, verify: wrong }
		);
		const left = await t.db
			.selectFrom('login_attempt')
			.select('key')
			.where('key', '=', 'email:stale@example.se')
			.execute();
		expect(left).toEqual([]);
	});
});
