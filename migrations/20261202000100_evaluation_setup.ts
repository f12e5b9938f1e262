import { type Kysely } from 'kysely';

/**
 * The evaluation's planned dates beyond the visit (answers due, fact check due, publication), and
 * governing documents carried over from the previous evaluation: which document they were copied
 * from, and whether the municipality says it still applies (null: not yet said).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('evaluation')
		.addColumn('answers_due', 'text')
		.addColumn('fact_check_due', 'text')
		.addColumn('publication_planned', 'text')
		.execute();
	await db.schema
		.alterTable('source_document')
		.addColumn('carried_from_id', 'integer', (c) =>
			c.references('source_document.id').onDelete('set null')
		)
		.addColumn('still_applies', 'boolean')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('source_document')
		.dropColumn('carried_from_id')
		.dropColumn('still_applies')
		.execute();
	await db.schema
		.alterTable('evaluation')
		.dropColumn('answers_due')
		.dropColumn('fact_check_due')
		.dropColumn('publication_planned')
		.execute();
}
