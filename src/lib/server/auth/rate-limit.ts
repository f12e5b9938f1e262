/**
 * Login rate limiting, kept in the database so it holds when several app servers share one
 * PostgreSQL. Failures are counted per account and per address within a window; past the limit,
 * attempts are refused until the block ends.
 */
import { sql } from 'kysely';
import type { Database } from '../db';

export const limits = {
	perAccount: 5,
	perAddress: 20,
	windowMs: 15 * 60 * 1000,
	blockMs: 15 * 60 * 1000
};

export const accountKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

/** The time until which any of the keys is blocked, or null when attempts may go ahead. */
export async function blockedUntil(
	db: Database,
	keys: string[],
	now = new Date()
): Promise<Date | null> {
	const rows = await db
		.selectFrom('login_attempt')
		.select('blocked_until')
		.where('key', 'in', keys)
		.where('blocked_until', '>', now)
		.execute();
	const times = rows.map((r) => r.blocked_until as Date).sort((a, b) => b.getTime() - a.getTime());
	return times[0] ?? null;
}

/** Counts a failed attempt for each key (atomically, so concurrent servers agree). */
export async function recordFailure(
	db: Database,
	keys: { key: string; limit: number }[],
	now = new Date()
) {
	const windowStart = new Date(now.getTime() - limits.windowMs);
	const blockEnd = new Date(now.getTime() + limits.blockMs);
	for (const { key, limit } of keys) {
		await db
			.insertInto('login_attempt')
			.values({
				key,
				failures: 1,
				window_started_at: now,
				blocked_until: limit <= 1 ? blockEnd : null
			})
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					failures: sql`CASE WHEN login_attempt.window_started_at < ${windowStart} THEN 1 ELSE login_attempt.failures + 1 END`,
					window_started_at: sql`CASE WHEN login_attempt.window_started_at < ${windowStart} THEN ${now}::timestamptz ELSE login_attempt.window_started_at END`,
					blocked_until: sql`CASE WHEN login_attempt.window_started_at >= ${windowStart} AND login_attempt.failures + 1 >= ${limit} THEN ${blockEnd}::timestamptz ELSE login_attempt.blocked_until END`
				})
			)
			.execute();
	}
}

/** A successful sign-in clears the account's count (the address keeps its count). */
export async function clearFailures(db: Database, key: string) {
	await db.deleteFrom('login_attempt').where('key', '=', key).execute();
}
