import { sql, type Kysely } from 'kysely';

/**
 * What one deletion removed (the row and the rows that hang on it, as JSON), kept so that the
 * deletion can be undone for a while ("Ångra"). The audit log keeps its own record as always.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('deleted_item')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', (c) =>
			c.notNull().references('evaluation.id').onDelete('cascade')
		)
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text', (c) => c.notNull())
		.addColumn('rows', 'jsonb', (c) => c.notNull())
		.addColumn('deleted_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('deleted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('restored_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('deleted_item_evaluation')
		.on('deleted_item')
		.columns(['evaluation_id', 'deleted_at'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('deleted_item').execute();
}
