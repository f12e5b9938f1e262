/**
 * The user_session table: rows keyed by the session id, holding only a hash of the token's secret.
 * What a session is and when it ends (tokens, hashing, expiry) is auth/session.ts's business.
 */
import type { Database } from '../db';

export async function insertSession(
	db: Database,
	row: { id: string; userId: number; secretHash: Uint8Array; now: Date }
): Promise<void> {
	await db
		.insertInto('user_session')
		.values({
			id: row.id,
			user_id: row.userId,
			secret_hash: row.secretHash,
			created_at: row.now,
			last_verified_at: row.now
		})
		.execute();
}

/** The session by id with the user it belongs to: one query on every signed-in request. */
export async function findSessionWithUser(db: Database, sessionId: string) {
	return db
		.selectFrom('user_session as s')
		.innerJoin('app_user as u', 'u.id', 's.user_id')
		.select([
			's.id',
			's.secret_hash',
			's.last_verified_at',
			'u.id as userId',
			'u.email',
			'u.name',
			'u.role',
			'u.municipality_code',
			'u.must_change_password',
			'u.active'
		])
		.where('s.id', '=', sessionId)
		.executeTakeFirst();
}

export async function touchSession(db: Database, sessionId: string, now: Date): Promise<void> {
	await db
		.updateTable('user_session')
		.set({ last_verified_at: now })
		.where('id', '=', sessionId)
		.execute();
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
	await db.deleteFrom('user_session').where('id', '=', sessionId).execute();
}
