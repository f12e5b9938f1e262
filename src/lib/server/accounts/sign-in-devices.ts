/**
 * The `sign_in_device` rows behind device cookies (auth/device.ts decides what a device is and
 * when it counts; these are its statements). A row holds only the SHA-256 of the cookie's token.
 */
import type { Database } from '../db';

/** Remembers a device of the user (the token's hash). */
export async function insertSignInDevice(
	db: Database,
	row: { tokenHash: Uint8Array; userId: number; now: Date }
): Promise<void> {
	await db
		.insertInto('sign_in_device')
		.values({
			token_hash: row.tokenHash,
			user_id: row.userId,
			created_at: row.now,
			last_used_at: row.now
		})
		.execute();
}

/** The e-mail of the active account the device belongs to, if the hash is a device's. */
export async function findSignInDeviceOwner(db: Database, tokenHash: Uint8Array) {
	return db
		.selectFrom('sign_in_device as d')
		.innerJoin('app_user as u', 'u.id', 'd.user_id')
		.select(['d.user_id as userId', 'u.email', 'd.last_used_at as lastUsedAt'])
		.where('d.token_hash', '=', tokenHash)
		.where('u.active', '=', true)
		.executeTakeFirst();
}

/** Marks the device as used now (a sign-in from it succeeded). */
export async function touchSignInDevice(db: Database, tokenHash: Uint8Array, now: Date) {
	await db
		.updateTable('sign_in_device')
		.set({ last_used_at: now })
		.where('token_hash', '=', tokenHash)
		.execute();
}

/** Forgets devices not used since `before` (a device cookie lives a year). */
export async function deleteSignInDevicesUnusedSince(db: Database, before: Date) {
	await db.deleteFrom('sign_in_device').where('last_used_at', '<', before).execute();
}
