import { sql, type Kysely } from 'kysely';

/** Generated PDFs of published versions, so every download of a version is byte-identical. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report_cache')
		.addColumn('published_result_id', 'integer', (c) =>
			c.primaryKey().references('published_result.id').onDelete('cascade')
		)
		.addColumn('pdf', 'bytea', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('report_cache').execute();
}
