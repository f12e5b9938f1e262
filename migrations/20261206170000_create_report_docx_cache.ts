import { sql, type Kysely } from 'kysely';

/**
 * Generated Word reports of published versions, beside report_cache's PDFs: a published version
 * never changes, so its .docx is built once and every download of it is byte-identical.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report_docx_cache')
		.addColumn('published_result_id', 'integer', (c) =>
			c.primaryKey().references('published_result.id').onDelete('cascade')
		)
		.addColumn('docx', 'bytea', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('report_docx_cache').execute();
}
