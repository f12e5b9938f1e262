import { sql, type Kysely } from 'kysely';

/** The evaluation team and the municipality's contact person: what access decisions rest on. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('evaluation')
		.addColumn('contact_user_id', 'integer', (c) => c.references('app_user.id'))
		.execute();
	await db.schema
		.alterTable('evaluation')
		.addColumn('action_plan_public', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
	await db.schema
		.createTable('evaluation_member')
		.addColumn('evaluation_id', 'integer', (c) =>
			c.notNull().references('evaluation.id').onDelete('cascade')
		)
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
		/** When the member declared having no conflict of interest (jäv); null until then. */
		.addColumn('no_conflict_declared_at', 'timestamptz')
		.addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('evaluation_member_pkey', ['evaluation_id', 'user_id'])
		.execute();
	await db.schema
		.createIndex('evaluation_member_user')
		.on('evaluation_member')
		.column('user_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('evaluation_member').execute();
	await db.schema.alterTable('evaluation').dropColumn('action_plan_public').execute();
	await db.schema.alterTable('evaluation').dropColumn('contact_user_id').execute();
}
