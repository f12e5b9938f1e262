import { sql, type Kysely } from 'kysely';

/**
 * Accounts, sessions (Lucia-style: only a hash of the secret is stored), login rate limiting kept
 * in the database (so it holds across app servers), and the append-only audit trail.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('app_user')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role IN ('coordinator','evaluator','municipality')`)
		)
		.addColumn('municipality_code', 'text', (c) => c.references('municipality.code'))
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'app_user_municipality_role',
			sql`(role = 'municipality') = (municipality_code IS NOT NULL)`
		)
		.execute();
	await sql`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`.execute(db);

	await db.schema
		.createTable('user_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) =>
			c.notNull().references('app_user.id').onDelete('cascade')
		)
		.addColumn('secret_hash', 'bytea', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_verified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('user_session_user').on('user_session').column('user_id').execute();

	await db.schema
		.createTable('login_attempt')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('window_started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('blocked_until', 'timestamptz')
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('actor_id', 'integer', (c) => c.references('app_user.id'))
		.addColumn('actor_label', 'text', (c) => c.notNull())
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text', (c) => c.notNull())
		.addColumn('evaluation_id', 'integer', (c) => c.references('evaluation.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('before', 'jsonb')
		.addColumn('after', 'jsonb')
		.addColumn('reason', 'text')
		.execute();
	await db.schema
		.createIndex('audit_log_evaluation')
		.on('audit_log')
		.columns(['evaluation_id', 'at'])
		.execute();
	await db.schema
		.createIndex('audit_log_actor')
		.on('audit_log')
		.columns(['actor_id', 'at'])
		.execute();
	await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

	// Append-only, enforced by the database itself: no code path can rewrite history.
	await sql`CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
		BEGIN
			RAISE EXCEPTION 'audit_log is append-only';
		END;
	$$ LANGUAGE plpgsql`.execute(db);
	await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
		FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only()`.execute(db);
	await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
		FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_log').execute();
	await sql`DROP FUNCTION audit_log_is_append_only()`.execute(db);
	await db.schema.dropTable('login_attempt').execute();
	await db.schema.dropTable('user_session').execute();
	await db.schema.dropTable('app_user').execute();
}
