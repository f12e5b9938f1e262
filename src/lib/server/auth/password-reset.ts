/**
 * "Glömt lösenordet": the answer is the same whether or not the address has an account, and only
 * a real, active account gets a link. Requests are limited per client address (against someone
 * probing many addresses or flooding) and per account (against flooding one person's inbox);
 * past a limit the answer is still the same and nothing is sent.
 */
import type { Database } from '../db';
import { reserveAttempt, type Throttle } from './rate-limit';
import { findActiveUserByEmail, queuePasswordReset } from '../accounts/invitations';

const hour = 60 * 60 * 1000;

export const resetThrottles = {
	/** One client address: 10 requests an hour, whatever the addresses asked for. */
	address: { free: 10, ceiling: 10, baseDelayMs: 0, maxDelayMs: 0, windowMs: hour },
	/** One account: 3 reset mails an hour. */
	account: { free: 3, ceiling: 3, baseDelayMs: 0, maxDelayMs: 0, windowMs: hour }
} satisfies Record<string, Throttle>;

export const resetThrottleKeys = {
	address: (address: string) => `reset-ip:${address}`,
	account: (userId: number) => `reset-user:${userId}`
};

/**
 * Handles one request. Returns whether a mail was queued (for tests and the log only: the page
 * answers the same either way).
 */
export async function requestPasswordReset(
	db: Database,
	input: { email: string; address: string; origin: string }
): Promise<boolean> {
	if (!(await reserveAttempt(db, resetThrottleKeys.address(input.address), resetThrottles.address)))
		return false;
	const user = await findActiveUserByEmail(db, input.email);
	if (!user) return false;
	if (!(await reserveAttempt(db, resetThrottleKeys.account(user.id), resetThrottles.account)))
		return false;
	await queuePasswordReset(db, user, input.origin);
	return true;
}
