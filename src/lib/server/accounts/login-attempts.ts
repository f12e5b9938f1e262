/**
 * The `login_attempt` rows behind password-check throttling (auth/rate-limit.ts decides the
 * throttles and the keys; these are its statements). One row per key: the attempts in the current
 * window, when the window started, and when the next attempt may go ahead.
 */
import { sql } from 'kysely';
import type { Database } from '../db';
import type { Throttle } from '../auth/rate-limit';

/**
 * Counts one attempt under `key` if the throttle lets it go ahead now, in a single statement that
 * checks the limit and counts together (the upsert takes the row lock, so each of a burst of
 * parallel reservations sees the count the previous one left). `firstDelayMs` is the delay after
 * a first attempt in a new window, or null for none. False (nothing counted) when it must wait.
 */
export async function reserveLoginAttempt(
	db: Database,
	key: string,
	throttle: Throttle,
	now: Date,
	firstDelayMs: number | null
): Promise<boolean> {
	const windowStart = new Date(now.getTime() - throttle.windowMs);
	const expired = sql<boolean>`(login_attempt.window_started_at < ${windowStart}::timestamptz AND (login_attempt.next_attempt_at IS NULL OR login_attempt.next_attempt_at <= ${now}::timestamptz))`;
	const counted = sql<number>`(CASE WHEN ${expired} THEN 1 ELSE login_attempt.attempts + 1 END)`;
	const row = await db
		.insertInto('login_attempt')
		.values({
			key,
			attempts: 1,
			window_started_at: now,
			next_attempt_at: firstDelayMs === null ? null : new Date(now.getTime() + firstDelayMs)
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

/** The rows of the given keys (a key with no attempts has none). */
export async function listLoginAttempts(db: Database, keys: string[]) {
	return db
		.selectFrom('login_attempt')
		.select([
			'key',
			'attempts',
			'window_started_at as windowStartedAt',
			'next_attempt_at as nextAttemptAt'
		])
		.where('key', 'in', keys)
		.execute();
}

/** Forgets every attempt under the key. */
export async function deleteLoginAttempts(db: Database, key: string) {
	await db.deleteFrom('login_attempt').where('key', '=', key).execute();
}

/** Takes one counted attempt back from the key. */
export async function uncountLoginAttempt(db: Database, key: string) {
	await db
		.updateTable('login_attempt')
		.set({ attempts: sql`GREATEST(attempts - 1, 0)` })
		.where('key', '=', key)
		.execute();
}

/** Deletes the rows whose window began before `windowStartedBefore` and that hold no delay. */
export async function deleteExpiredLoginAttempts(
	db: Database,
	windowStartedBefore: Date,
	now: Date
) {
	await db
		.deleteFrom('login_attempt')
		.where('window_started_at', '<', windowStartedBefore)
		.where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
		.execute();
}
