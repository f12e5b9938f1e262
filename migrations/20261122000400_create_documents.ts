import { sql, type Kysely } from 'kysely';

/**
 * Governing documents of an evaluation, stored in the database (a PostgreSQL backup is a backup
 * of everything), their extracted text per page or section with a generated Swedish,
 * accent-insensitive tsvector, and an extraction queue processed in the background.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('source_document')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', (c) =>
			c.notNull().references('evaluation.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`kind IN ('vision','mal_och_budget','styrmodell','policy','arsredovisning','delarsrapport','annat')`
				)
		)
		.addColumn('document_date', 'date')
		.addColumn('url', 'text')
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('media_type', 'text', (c) => c.notNull())
		.addColumn('size_bytes', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('content', 'bytea', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('bearbetas')
				.check(sql`status IN ('bearbetas','klar','ingen_text','fel')`)
		)
		.addColumn('status_message', 'text')
		.addColumn('page_count', 'integer')
		.addColumn('uploaded_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createIndex('source_document_evaluation')
		.on('source_document')
		.column('evaluation_id')
		.execute();
	await db.schema
		.createTable('document_page')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('document_id', 'integer', (c) =>
			c.notNull().references('source_document.id').onDelete('cascade')
		)
		.addColumn('page_number', 'integer', (c) => c.notNull())
		.addColumn('section_title', 'text')
		.addColumn('text', 'text', (c) => c.notNull())
		.execute();
	await sql`ALTER TABLE document_page ADD COLUMN tsv tsvector
		GENERATED ALWAYS AS (to_tsvector('swedish_unaccent'::regconfig, coalesce(section_title, '') || ' ' || text)) STORED`.execute(
		db
	);
	await sql`CREATE INDEX document_page_tsv ON document_page USING gin (tsv)`.execute(db);
	await db.schema
		.createIndex('document_page_document')
		.on('document_page')
		.columns(['document_id', 'page_number'])
		.execute();
	await sql`ALTER TABLE evidence ADD CONSTRAINT evidence_document_fk FOREIGN KEY (document_id) REFERENCES source_document (id)`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`ALTER TABLE evidence DROP CONSTRAINT evidence_document_fk`.execute(db);
	await db.schema.dropTable('document_page').execute();
	await db.schema.dropTable('source_document').execute();
}
