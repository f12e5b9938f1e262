import { sql, type Kysely } from 'kysely';

/**
 * Devices an account has signed in from (OWASP's "device cookies"): a device that once signed in
 * with the right password carries a random token whose SHA-256 is kept here, and gets through the
 * per-account and per-address ceilings of sign-in throttling, so guessing spread over many
 * addresses cannot lock the owner out. The index on `window_started_at` lets the sweep of old
 * `login_attempt` rows find them without reading the whole table.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('sign_in_device')
		.addColumn('token_hash', 'bytea', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) =>
			c.notNull().references('app_user.id').onDelete('cascade')
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_used_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('sign_in_device_user_idx')
		.on('sign_in_device')
		.column('user_id')
		.execute();
	await db.schema
		.createIndex('login_attempt_window_idx')
		.on('login_attempt')
		.column('window_started_at')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('login_attempt_window_idx').execute();
	await db.schema.dropTable('sign_in_device').execute();
}
