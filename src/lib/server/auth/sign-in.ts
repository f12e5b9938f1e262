/**
 * The password check of a sign-in: throttle first, then verify, then count the outcome. Kept out
 * of the route so the order (reserve before verifying) is tested on both databases.
 */
import type { Database } from '../db';
import { findUserForSignIn } from '../accounts/users';
import { hashPassword, verifyPassword } from './password';
import {
	clearAttempts,
	nextAttemptAt,
	releaseAttempt,
	reserveAttempt,
	throttleKeys,
	throttles
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

/** Checks e-mail and password from a client address; never more often than the throttles allow. */
export async function checkSignIn(
	db: Database,
	input: { email: string; password: string; address: string },
	options: SignInOptions = {}
): Promise<SignInCheck> {
	const verify = options.verify ?? verifyPassword;
	const now = options.now ?? new Date();
	const pair = {
		key: throttleKeys.accountAddress(input.email, input.address),
		throttle: throttles.accountAddress
	};
	const account = { key: throttleKeys.account(input.email), throttle: throttles.account };
	for (const k of [pair, account]) {
		if (!(await reserveAttempt(db, k.key, k.throttle, now))) {
			return {
				outcome: 'throttled',
				retryAt: (await nextAttemptAt(db, [pair, account], now)) ?? new Date(now.getTime() + 1000)
			};
		}
	}
	const user = await findUserForSignIn(db, input.email);
	const hash = user?.active ? user.passwordHash : await getDummyHash();
	const matches = await verify(hash, input.password);
	if (!user || !user.active || !matches) return { outcome: 'failed' };
	await clearAttempts(db, pair.key);
	await releaseAttempt(db, account.key);
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
