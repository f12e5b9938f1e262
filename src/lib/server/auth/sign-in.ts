/**
 * The password check of a sign-in: throttle first, then verify, then count the outcome. Kept out
 * of the route so the order (reserve before verifying) is tested on both databases.
 */
import type { Database } from '../db';
import { findUserForSignIn } from '../accounts/users';
import { hashPassword, verifyPassword } from './password';
import { isKnownDevice } from './device';
import {
	clearAttempts,
	nextAttemptAt,
	releaseAttempt,
	reserveAttempt,
	sweepOldAttempts,
	throttleKeys,
	throttles,
	type Throttle
} from './rate-limit';

// Verifying against a dummy hash when the e-mail is unknown, or the account deactivated, keeps
// the response time the same, so timing does not reveal which addresses have (active) accounts.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('kommunkompassen-dummy-password'));

export type SignInCheck =
	| { outcome: 'ok'; user: NonNullable<Awaited<ReturnType<typeof findUserForSignIn>>> }
	| { outcome: 'failed' }
	| { outcome: 'throttled'; retryAt: Date };

export interface SignInOptions {
	/** The password verifier (tests count its calls). */
	verify?: (hash: string, password: string) => Promise<boolean>;
	now?: Date;
}

type Reservation = { key: string; throttle: Throttle };

/**
 * Checks e-mail and password from a client address; never more often than the throttles allow.
 * `deviceToken` is the device cookie: a device that signed in to this account before is held by
 * the per-account-and-address delay only (auth/device.ts says why).
 */
export async function checkSignIn(
	db: Database,
	input: { email: string; password: string; address: string; deviceToken?: string | null },
	options: SignInOptions = {}
): Promise<SignInCheck> {
	const verify = options.verify ?? verifyPassword;
	const now = options.now ?? new Date();
	await sweepOldAttempts(db, now);
	const knownDevice = await isKnownDevice(db, input.deviceToken, input.email);
	const address: Reservation = {
		key: throttleKeys.address(input.address),
		throttle: throttles.address
	};
	const pair: Reservation = {
		key: throttleKeys.accountAddress(input.email, input.address),
		throttle: throttles.accountAddress
	};
	const account: Reservation = {
		key: throttleKeys.account(input.email),
		throttle: throttles.account
	};
	// The address first: a sprayer's attempts at new accounts stop there, before any of them
	// writes a row of its own.
	const ceilings = knownDevice ? [] : [address, account];
	const order = knownDevice ? [pair] : [address, pair, account];
	const reserved: Reservation[] = [];
	for (const k of order) {
		if (!(await reserveAttempt(db, k.key, k.throttle, now))) {
			// Nothing was checked: the attempts this one counted under other keys are given back.
			for (const r of reserved) await releaseAttempt(db, r.key);
			return {
				outcome: 'throttled',
				retryAt: (await nextAttemptAt(db, order, now)) ?? new Date(now.getTime() + 1000)
			};
		}
		reserved.push(k);
	}
	const user = await findUserForSignIn(db, input.email);
	const hash = user?.active ? user.passwordHash : await getDummyHash();
	const matches = await verify(hash, input.password);
	if (!user || !user.active || !matches) return { outcome: 'failed' };
	await clearAttempts(db, pair.key);
	// Only failures use up the ceilings.
	for (const k of ceilings) await releaseAttempt(db, k.key);
	return { outcome: 'ok', user };
}

/** Checks the current password of a signed-in user, throttled like a sign-in. */
export async function checkCurrentPassword(
	db: Database,
	user: { id: number; email: string },
	password: string,
	options: SignInOptions = {}
): Promise<'ok' | 'failed' | { retryAt: Date }> {
	const verify = options.verify ?? verifyPassword;
	const now = options.now ?? new Date();
	const key = throttleKeys.passwordChange(user.id);
	if (!(await reserveAttempt(db, key, throttles.passwordChange, now))) {
		return {
			retryAt:
				(await nextAttemptAt(db, [{ key, throttle: throttles.passwordChange }], now)) ??
				new Date(now.getTime() + 1000)
		};
	}
	const account = await findUserForSignIn(db, user.email);
	if (!account || !(await verify(account.passwordHash, password))) return 'failed';
	await clearAttempts(db, key);
	return 'ok';
}
