import { sql, type Kysely } from 'kysely';

/**
 * Blind double scoring (one sheet per evaluator), the agreed scores, findings per area and
 * subarea, recommendations and the municipality's fact-check comments. Every editable row carries
 * row_version for optimistic concurrency.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const evaluationRef = (c: any) => c.notNull().references('evaluation.id').onDelete('cascade');
	const version = (c: any) => c.notNull().defaultTo(1);
	const now = (c: any) => c.notNull().defaultTo(sql`now()`);

	await db.schema
		.createTable('score_sheet')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
		.addColumn('submitted_at', 'timestamptz')
		.addUniqueConstraint('score_sheet_evaluation_user_key', ['evaluation_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('sheet_score')
		.addColumn('sheet_id', 'integer', (c) =>
			c.notNull().references('score_sheet.id').onDelete('cascade')
		)
		.addColumn('subarea_id', 'text', (c) => c.notNull())
		.addColumn('points', 'integer', (c) => c.check(sql`points >= 0`))
		.addColumn('justification', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('row_version', 'integer', version)
		.addColumn('updated_at', 'timestamptz', now)
		.addPrimaryKeyConstraint('sheet_score_pkey', ['sheet_id', 'subarea_id'])
		.execute();

	await db.schema
		.createTable('agreed_score')
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('subarea_id', 'text', (c) => c.notNull())
		.addColumn('points', 'integer', (c) => c.notNull().check(sql`points >= 0`))
		.addColumn('justification', 'text', (c) => c.notNull())
		.addColumn('row_version', 'integer', version)
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', now)
		.addPrimaryKeyConstraint('agreed_score_pkey', ['evaluation_id', 'subarea_id'])
		.execute();

	await db.schema
		.createTable('area_finding')
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('area_id', 'text', (c) => c.notNull())
		.addColumn('general', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('row_version', 'integer', version)
		.addPrimaryKeyConstraint('area_finding_pkey', ['evaluation_id', 'area_id'])
		.execute();

	await db.schema
		.createTable('subarea_narrative')
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('subarea_id', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('row_version', 'integer', version)
		.addPrimaryKeyConstraint('subarea_narrative_pkey', ['evaluation_id', 'subarea_id'])
		.execute();

	for (const table of ['strength', 'improvement']) {
		let builder = db.schema
			.createTable(table)
			.addColumn('id', 'serial', (c) => c.primaryKey())
			.addColumn('evaluation_id', 'integer', evaluationRef)
			.addColumn('area_id', 'text', (c) => c.notNull())
			.addColumn('text', 'text', (c) => c.notNull())
			.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
			.addColumn('row_version', 'integer', version);
		if (table === 'strength')
			builder = builder.addColumn('gold_star', 'boolean', (c) => c.notNull().defaultTo(false));
		await builder.execute();
		await db.schema
			.createIndex(`${table}_evaluation`)
			.on(table)
			.columns(['evaluation_id', 'area_id'])
			.execute();
	}

	await db.schema
		.createTable('recommendation')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('row_version', 'integer', version)
		.execute();

	await db.schema
		.createTable('fact_check_comment')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', evaluationRef)
		.addColumn('area_id', 'text', (c) => c.notNull())
		.addColumn('author_id', 'integer', (c) => c.notNull().references('app_user.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', now)
		.addColumn('answer', 'text')
		.addColumn('answered_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('answered_at', 'timestamptz')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'fact_check_comment',
		'recommendation',
		'improvement',
		'strength',
		'subarea_narrative',
		'area_finding',
		'agreed_score',
		'sheet_score',
		'score_sheet'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
