import { sql, type Kysely } from 'kysely';

/**
 * The extraction queue's claim: which app server took a document (`claimed_by`), when
 * (`claimed_at`, so a claim left by a crashed server is retried after a timeout), and how many
 * times it was taken (`extraction_attempts`, so a document that kills its worker every time
 * ends as `fel` instead of looping).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('source_document')
		.addColumn('claimed_by', 'text')
		.addColumn('claimed_at', 'timestamptz')
		.addColumn('extraction_attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.createIndex('source_document_pending')
		.on('source_document')
		.column('id')
		.where(sql.ref('status'), '=', 'bearbetas')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('source_document_pending').execute();
	await db.schema
		.alterTable('source_document')
		.dropColumn('claimed_by')
		.dropColumn('claimed_at')
		.dropColumn('extraction_attempts')
		.execute();
}
