/**
 * Invitation and password-reset links. The token is 32 random bytes (256 bits) in base32; only
 * its SHA-256 is stored, so a copy of the database opens no account. A token is single-use,
 * expires (an invitation after 7 days, a reset after an hour) and is invalidated by a newer one
 * for the same account.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { recordAudit, type Actor } from './audit';

export type TokenPurpose = 'invitation' | 'reset';

export const tokenLifetimeMs: Record<TokenPurpose, number> = {
	invitation: 7 * 24 * 60 * 60 * 1000,
	reset: 60 * 60 * 1000
};

const hashToken = (token: string) => sha256(new TextEncoder().encode(token));

/** A well-formed token is 52 base32 letters; anything else is refused without a query. */
const wellFormed = (token: string) => /^[a-z2-7]{52}$/.test(token);

/**
 * Issues a new token for the user, ending any earlier unused one (a newer link replaces the
 * older). Returns the token itself, which is never stored: it goes into the mail only.
 */
export async function issueAccountToken(
	trx: Transaction<DB>,
	userId: number,
	purpose: TokenPurpose,
	now = new Date()
): Promise<string> {
	const token = encodeBase32LowerCaseNoPadding(randomBytes(32));
	await trx
		.updateTable('account_token')
		.set({ used_at: now })
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.execute();
	await trx
		.insertInto('account_token')
		.values({
			user_id: userId,
			purpose,
			token_hash: hashToken(token),
			created_at: now,
			expires_at: new Date(now.getTime() + tokenLifetimeMs[purpose])
		})
		.execute();
	return token;
}

export interface UsableToken {
	userId: number;
	email: string;
	purpose: TokenPurpose;
}

/** The account a token opens, if it is unused, unexpired and the account active. */
export async function findUsableToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<UsableToken | undefined> {
	if (!wellFormed(token)) return undefined;
	return db
		.selectFrom('account_token as t')
		.innerJoin('app_user as u', 'u.id', 't.user_id')
		.select(['t.user_id as userId', 'u.email', 't.purpose'])
		.where('t.token_hash', '=', hashToken(token))
		.where('t.used_at', 'is', null)
		.where('t.expires_at', '>', now)
		.where('u.active', '=', true)
		.executeTakeFirst();
}

/**
 * Uses a token to set the account's password, once: the token is marked used by the same
 * statement that checks it, so two submissions of one link cannot both succeed. Every session of
 * the account ends (a reset locks out whoever had the old password). Returns the user's id, or
 * undefined for a used, expired, replaced or unknown token.
 */
export async function redeemAccountToken(
	db: Database,
	token: string,
	passwordHash: string,
	now = new Date()
): Promise<number | undefined> {
	if (!wellFormed(token)) return undefined;
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.updateTable('account_token')
			.set({ used_at: now })
			.where('token_hash', '=', hashToken(token))
			.where('used_at', 'is', null)
			.where('expires_at', '>', now)
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('app_user')
						.select('id')
						.whereRef('app_user.id', '=', 'account_token.user_id')
						.where('app_user.active', '=', true)
				)
			)
			.returning(['user_id', 'purpose'])
			.executeTakeFirst();
		if (!row) return undefined;
		const user = await trx
			.selectFrom('app_user')
			.select('email')
			.where('id', '=', row.user_id)
			.executeTakeFirstOrThrow();
		await trx
			.updateTable('app_user')
			.set({ password_hash: passwordHash, must_change_password: false, updated_at: now })
			.where('id', '=', row.user_id)
			.execute();
		await trx.deleteFrom('user_session').where('user_id', '=', row.user_id).execute();
		const actor: Actor = { id: row.user_id, email: user.email };
		await recordAudit(trx, {
			actor,
			entity: 'app_user',
			entityId: row.user_id,
			action: row.purpose === 'invitation' ? 'accept-invitation' : 'reset-password-by-mail'
		});
		return row.user_id;
	});
}
