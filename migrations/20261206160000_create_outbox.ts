import { sql, type Kysely } from 'kysely';

/**
 * Mail (issue 29). `outbox`: every mail the app sends, written in the transaction of what caused
 * it and sent afterwards by a background job, so a rolled-back action sends nothing and a mail
 * server that is down loses nothing. `account_token`: invitation and password-reset links, only
 * a hash of the token is kept. `app_user` gains the language mail is written in and the user's
 * notification choices.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('outbox')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('recipient', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('html_body', 'text', (c) => c.notNull())
		/** The page the mail points to (shown in the Utkorg when no mail server is configured). */
		.addColumn('link', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('claimed_by', 'text')
		.addColumn('claimed_at', 'timestamptz')
		.addColumn('sent_at', 'timestamptz')
		.addColumn('last_error', 'text')
		.execute();
	await db.schema
		.createIndex('outbox_unsent')
		.on('outbox')
		.column('next_attempt_at')
		.where(sql.ref('sent_at'), 'is', null)
		.execute();

	await db.schema
		.createTable('account_token')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) =>
			c.notNull().references('app_user.id').onDelete('cascade')
		)
		.addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose IN ('invitation','reset')`))
		.addColumn('token_hash', 'bytea', (c) => c.notNull().unique())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.execute();
	await db.schema.createIndex('account_token_user').on('account_token').column('user_id').execute();

	await db.schema
		.alterTable('app_user')
		.addColumn('locale', 'text', (c) =>
			c
				.notNull()
				.defaultTo('sv')
				.check(sql`locale IN ('sv','en')`)
		)
		.addColumn('notify_fact_check', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('notify_stage', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('notify_overdue', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('notify_self_assessment', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('overdue_digest_on', 'date')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('app_user')
		.dropColumn('locale')
		.dropColumn('notify_fact_check')
		.dropColumn('notify_stage')
		.dropColumn('notify_overdue')
		.dropColumn('notify_self_assessment')
		.dropColumn('overdue_digest_on')
		.execute();
	await db.schema.dropTable('account_token').execute();
	await db.schema.dropTable('outbox').execute();
}
