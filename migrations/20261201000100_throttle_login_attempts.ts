import { sql, type Kysely } from 'kysely';

/**
 * Sign-in throttling reserves an attempt before the password is checked (one statement checks
 * and counts), and slows down instead of locking: `attempts` counts reserved attempts in the
 * window, `next_attempt_at` is the earliest time the next one may go ahead. Rows written under
 * the old meaning (failures, hard block) are dropped; at worst a throttle starts afresh.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`DELETE FROM login_attempt`.execute(db);
	await db.schema.alterTable('login_attempt').renameColumn('failures', 'attempts').execute();
	await db.schema
		.alterTable('login_attempt')
		.renameColumn('blocked_until', 'next_attempt_at')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DELETE FROM login_attempt`.execute(db);
	await db.schema
		.alterTable('login_attempt')
		.renameColumn('next_attempt_at', 'blocked_until')
		.execute();
	await db.schema.alterTable('login_attempt').renameColumn('attempts', 'failures').execute();
}
