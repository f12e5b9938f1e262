import { sql, type Kysely } from 'kysely';

/**
 * Written answers per rubric question (where a subarea has questions), and the indexes the
 * sources pages filter by: evidence per subarea and the findings citing one evidence item.
 * `question_id` is '' for an answer to the subarea as a whole, so the unique key needs no NULLs.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('written_answer')
		.addColumn('question_id', 'text', (c) => c.notNull().defaultTo(''))
		.execute();
	await db.schema
		.alterTable('written_answer')
		.dropConstraint('written_answer_evaluation_subarea_key')
		.execute();
	await db.schema
		.alterTable('written_answer')
		.addUniqueConstraint('written_answer_target_key', [
			'evaluation_id',
			'subarea_id',
			'question_id'
		])
		.execute();
	await db.schema
		.createIndex('evidence_subarea_subarea')
		.on('evidence_subarea')
		.columns(['subarea_id', 'evidence_id'])
		.execute();
	await db.schema
		.createIndex('finding_evidence_evidence')
		.on('finding_evidence')
		.column('evidence_id')
		.execute();
	await sql`ALTER TABLE written_answer ADD CONSTRAINT written_answer_answer_length CHECK (length(answer) <= 20000)`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('finding_evidence_evidence').execute();
	await db.schema.dropIndex('evidence_subarea_subarea').execute();
	await db.schema
		.alterTable('written_answer')
		.dropConstraint('written_answer_answer_length')
		.execute();
	await db.schema
		.alterTable('written_answer')
		.dropConstraint('written_answer_target_key')
		.execute();
	await db.schema
		.alterTable('written_answer')
		.addUniqueConstraint('written_answer_evaluation_subarea_key', ['evaluation_id', 'subarea_id'])
		.execute();
	await db.schema.alterTable('written_answer').dropColumn('question_id').execute();
}
