/**
 * Password-check throttling, kept in the database so it holds when several app servers share one
 * PostgreSQL. An attempt is *reserved* before the password is verified, by one statement that
 * checks the limit and counts the attempt together: a burst of parallel requests cannot all read
 * "not yet limited" and then all go ahead, because each reservation takes the row lock and sees
 * the count the previous one left.
 *
 * Three throttles apply to a sign-in:
 * - one address, whatever the account: at most 20 failed sign-ins in 15 minutes, against password
 *   spraying (a few guesses at every account) and the CPU a password hash costs. A whole
 *   municipality may sit behind one address, so successful sign-ins give their attempt back.
 * - one account from one address: a few attempts at once, then a growing delay (1 s, 2 s, 4 s …
 *   up to 15 minutes) between attempts. It never locks the account: a guesser at one address does
 *   not slow down the real user at another.
 * - one account from anywhere: a generous ceiling per hour against guessing spread over many
 *   addresses. Successful sign-ins give their attempt back, so only failures use it up.
 * Addresses are counted per /64 for IPv6 (auth/address-block.ts). A device the account signed in
 * from before (auth/device.ts) is held by the middle throttle only: the two ceilings, which a
 * guesser elsewhere can fill, must not lock the owner out.
 *
 * The statements are in repositories/login-attempts.ts.
 */
import type { Database } from '../db';
import { addressBlock } from './address-block';
import {
	deleteExpiredLoginAttempts,
	deleteLoginAttempts,
	listLoginAttempts,
	reserveLoginAttempt,
	uncountLoginAttempt
} from '../accounts/login-attempts';

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
	address: {
		free: 20,
		ceiling: 20,
		baseDelayMs: 0,
		maxDelayMs: 0,
		windowMs: 15 * minute
	},
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
	},
	/** Colleagues a municipality's contacts may invite to its self-assessments in a day. */
	selfAssessmentInvite: {
		free: 10,
		ceiling: 10,
		baseDelayMs: 0,
		maxDelayMs: 0,
		windowMs: 24 * 60 * minute
	}
} satisfies Record<string, Throttle>;

/** Rows older than the longest window count for nothing any more (see `sweepOldAttempts`). */
const longestWindowMs = Math.max(...Object.values(throttles).map((t) => t.windowMs));

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The keys a sign-in reserves, in the order they are reserved. */
export const throttleKeys = {
	address: (address: string) => `ip:${addressBlock(address)}`,
	accountAddress: (email: string, address: string) =>
		`email+ip:${normaliseEmail(email)}|${addressBlock(address)}`,
	account: (email: string) => `email:${normaliseEmail(email)}`,
	passwordChange: (userId: number) => `password:${userId}`,
	selfAssessmentInvite: (municipalityCode: string) => `invite:${municipalityCode}`
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
	const firstDelay = 1 >= throttle.free ? delayAfter(1, throttle) : null;
	return reserveLoginAttempt(db, key, throttle, now, firstDelay);
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
	const rows = await listLoginAttempts(
		db,
		keys.map((k) => k.key)
	);
	let latest: Date | null = null;
	for (const row of rows) {
		const throttle = keys.find((k) => k.key === row.key)!.throttle;
		const windowEnd = new Date(new Date(row.windowStartedAt).getTime() + throttle.windowMs);
		const at =
			row.attempts >= throttle.ceiling && windowEnd > now
				? windowEnd
				: row.attempts >= throttle.free && row.nextAttemptAt
					? new Date(row.nextAttemptAt)
					: null;
		if (at && at > now && (!latest || at > latest)) latest = at;
	}
	return latest;
}

/** A successful check ends the throttle of that key (one account at one address). */
export async function clearAttempts(db: Database, key: string) {
	await deleteLoginAttempts(db, key);
}

/** Gives a reserved attempt back, so that a ceiling counts failures only. */
export async function releaseAttempt(db: Database, key: string) {
	await uncountLoginAttempt(db, key);
}

let lastSweep = 0;

/**
 * Deletes the rows that count for nothing any more (window over, no delay pending), so that the
 * table does not grow with every address and e-mail a guesser ever tried. At most once a minute
 * per server: the statement reads an index, but a sign-in need not pay for it every time.
 */
export async function sweepOldAttempts(db: Database, now = new Date()) {
	if (Math.abs(now.getTime() - lastSweep) < 60 * 1000) return;
	lastSweep = now.getTime();
	await deleteExpiredLoginAttempts(db, new Date(now.getTime() - longestWindowMs), now);
}
