/**
 * Password-check throttling, kept in the database so it holds when several app servers share one
 * PostgreSQL. An attempt is *reserved* before the password is verified, by one statement that
 * checks the limit and counts the attempt together: a burst of parallel requests cannot all read
 * "not yet limited" and then all go ahead, because each reservation takes the row lock and sees
 * the count the previous one left.
 *
 * Two throttles apply to a sign-in:
 * - one account from one address: a few attempts at once, then a growing delay (1 s, 2 s, 4 s …
 *   up to 15 minutes) between attempts. It never locks the account: a guesser at one address does
 *   not slow down the real user at another.
 * - one account from anywhere: a generous ceiling per hour against guessing spread over many
 *   addresses. Successful sign-ins give their attempt back, so only failures use it up.
 */
import { sql } from 'kysely';
import type { Database } from '../db';

export interface Throttle {
	/** Attempts in a window that go ahead without waiting. */
	free: number;
	/** Attempts in a window after which nothing goes ahead until the window ends. */
	ceiling: number;
	/** After the free attempts: the first delay, doubled for each further attempt. */
	baseDelayMs: number;
	maxDelayMs: number;
	windowMs: number;
}

const minute = 60 * 1000;

export const throttles = {
	accountAddress: {
		free: 5,
		ceiling: 1000,
		baseDelayMs: 1000,
		maxDelayMs: 15 * minute,
		windowMs: 60 * minute
	},
	account: {
		free: 100,
		ceiling: 100,
		baseDelayMs: 0,
		maxDelayMs: 0,
		windowMs: 60 * minute
	},
	/** The current-password check of a signed-in user changing the password. */
	passwordChange: {
		free: 5,
		ceiling: 1000,
		baseDelayMs: 1000,
		maxDelayMs: 15 * minute,
		windowMs: 60 * minute
	}
} satisfies Record<string, Throttle>;

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The keys a sign-in reserves, in the order they are reserved. */
export const throttleKeys = {
	accountAddress: (email: string, address: string) =>
		`email+ip:${normaliseEmail(email)}|${address}`,
	account: (email: string) => `email:${normaliseEmail(email)}`,
	passwordChange: (userId: number) => `password:${userId}`
};

/**
 * Reserves one attempt under `key` if the throttle lets it go ahead now, in a single statement.
 * Returns false (and counts nothing) when the attempt must wait.
 */
export async function reserveAttempt(
	db: Database,
	key: string,
	throttle: Throttle,
	now = new Date()
): Promise<boolean> {
	if (throttle.ceiling < 1) return false;
	const windowStart = new Date(now.getTime() - throttle.windowMs);
	const firstDelay = 1 >= throttle.free ? delayAfter(1, throttle) : null;
	const expired = sql<boolean>`(login_attempt.window_started_at < ${windowStart}::timestamptz AND (login_attempt.next_attempt_at IS NULL OR login_attempt.next_attempt_at <= ${now}::timestamptz))`;
	const counted = sql<number>`(CASE WHEN ${expired} THEN 1 ELSE login_attempt.attempts + 1 END)`;
	const row = await db
		.insertInto('login_attempt')
		.values({
			key,
			attempts: 1,
			window_started_at: now,
			next_attempt_at: firstDelay === null ? null : new Date(now.getTime() + firstDelay)
		})
		.onConflict((oc) =>
			oc
				.column('key')
				.doUpdateSet({
					attempts: counted,
					window_started_at: sql`CASE WHEN ${expired} THEN ${now}::timestamptz ELSE login_attempt.window_started_at END`,
					next_attempt_at: sql`CASE WHEN ${counted} >= ${throttle.free}::integer THEN ${now}::timestamptz + LEAST(${throttle.maxDelayMs}::float8, ${throttle.baseDelayMs}::float8 * power(2::float8, LEAST(${counted} - ${throttle.free}::integer, 40)::float8)) * interval '1 millisecond' ELSE NULL END`
				})
				// Evaluated on the locked, current row: concurrent reservations queue here.
				.where(
					sql<boolean>`${expired} OR (login_attempt.attempts < ${throttle.ceiling}::integer AND (login_attempt.attempts < ${throttle.free}::integer OR login_attempt.next_attempt_at IS NULL OR login_attempt.next_attempt_at <= ${now}::timestamptz))`
				)
		)
		.returning('key')
		.executeTakeFirst();
	return row !== undefined;
}

function delayAfter(attempts: number, throttle: Throttle) {
	return Math.min(throttle.maxDelayMs, throttle.baseDelayMs * 2 ** (attempts - throttle.free));
}

/** When the next attempt under any of the keys may go ahead (for the message), or null. */
export async function nextAttemptAt(
	db: Database,
	keys: { key: string; throttle: Throttle }[],
	now = new Date()
): Promise<Date | null> {
	const rows = await db
		.selectFrom('login_attempt')
		.select(['key', 'attempts', 'window_started_at', 'next_attempt_at'])
		.where(
			'key',
			'in',
			keys.map((k) => k.key)
		)
		.execute();
	let latest: Date | null = null;
	for (const row of rows) {
		const throttle = keys.find((k) => k.key === row.key)!.throttle;
		const windowEnd = new Date(new Date(row.window_started_at).getTime() + throttle.windowMs);
		const at =
			row.attempts >= throttle.ceiling && windowEnd > now
				? windowEnd
				: row.attempts >= throttle.free && row.next_attempt_at
					? new Date(row.next_attempt_at)
					: null;
		if (at && at > now && (!latest || at > latest)) latest = at;
	}
	return latest;
}

/** A successful check ends the throttle of that key (one account at one address). */
export async function clearAttempts(db: Database, key: string) {
	await db.deleteFrom('login_attempt').where('key', '=', key).execute();
}

/** Gives a reserved attempt back, so that a ceiling counts failures only. */
export async function releaseAttempt(db: Database, key: string) {
	await db
		.updateTable('login_attempt')
		.set({ attempts: sql`GREATEST(attempts - 1, 0)` })
		.where('key', '=', key)
		.execute();
}
