import { sql, type Kysely } from 'kysely';

/**
 * Sources of an evaluation besides documents: interviews (notes and names stay with the team),
 * web observations, the municipality's written answers; and evidence items, excerpts of a source
 * linked to subareas and cited by findings.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const evaluationRef = (c: any) => c.notNull().references('evaluation.id').onDelete('cascade');
	await db.schema
		.createTable('interview')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('held_on', 'date', (c) => c.notNull())
		.addColumn('group_kind', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`group_kind IN ('fortroendevalda','ledande_tjanstepersoner','fackliga_foretradare','forsta_linjens_chefer','bolagsledning','annan')`
				)
		)
		.addColumn('people_count', 'integer', (c) =>
			c.notNull().check(sql`people_count BETWEEN 1 AND 200`)
		)
		.addColumn('interviewer', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('interviewee_names', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createTable('web_observation')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('seen_on', 'date', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createTable('written_answer')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('subarea_id', 'text', (c) => c.notNull())
		.addColumn('answer', 'text', (c) => c.notNull())
		.addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('written_answer_evaluation_subarea_key', ['evaluation_id', 'subarea_id'])
		.execute();
	await db.schema
		.createTable('evidence')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('source_kind', 'text', (c) =>
			c.notNull().check(sql`source_kind IN ('interview','document','web')`)
		)
		.addColumn('interview_id', 'integer', (c) => c.references('interview.id'))
		.addColumn('web_observation_id', 'integer', (c) => c.references('web_observation.id'))
		// The documents migration adds the foreign key to source_document.
		.addColumn('document_id', 'integer')
		.addColumn('page', 'integer')
		.addColumn('quote', 'text', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'evidence_one_source',
			sql`(source_kind = 'interview' AND interview_id IS NOT NULL) OR (source_kind = 'web' AND web_observation_id IS NOT NULL) OR (source_kind = 'document' AND document_id IS NOT NULL)`
		)
		.execute();
	await db.schema
		.createTable('evidence_subarea')
		.addColumn('evidence_id', 'integer', (c) =>
			c.notNull().references('evidence.id').onDelete('cascade')
		)
		.addColumn('subarea_id', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('evidence_subarea_pkey', ['evidence_id', 'subarea_id'])
		.execute();
	await db.schema
		.createTable('finding_evidence')
		.addColumn('finding_kind', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`finding_kind IN ('strength','improvement','narrative','recommendation','general')`
				)
		)
		.addColumn('finding_key', 'text', (c) => c.notNull())
		.addColumn('evidence_id', 'integer', (c) =>
			c.notNull().references('evidence.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('finding_evidence_pkey', [
			'finding_kind',
			'finding_key',
			'evidence_id'
		])
		.execute();
	for (const table of ['interview', 'web_observation', 'evidence']) {
		await db.schema.createIndex(`${table}_evaluation`).on(table).column('evaluation_id').execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'finding_evidence',
		'evidence_subarea',
		'evidence',
		'written_answer',
		'web_observation',
		'interview'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
