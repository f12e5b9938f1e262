import { sql, type Kysely } from 'kysely';

/**
 * Self-assessment (självskattning): a municipality scores itself on a rubric version. Its own
 * users score blind (one sheet per member), then agree; an optional share with one of the
 * municipality's evaluations lets that team see it after their own sheets. Kept apart from the
 * evaluation tables on purpose: nothing here can reach a published result or an average.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const now = (c: any) => c.notNull().defaultTo(sql`now()`);
	const version = (c: any) => c.notNull().defaultTo(1);
	const assessmentRef = (c: any) =>
		c.notNull().references('self_assessment.id').onDelete('cascade');

	await db.schema
		.createTable('self_assessment')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('rubric_id', 'text', (c) => c.notNull().references('rubric.id'))
		.addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
		.addColumn('assessed_on', 'date', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('poangsattning')
				.check(sql`status IN ('poangsattning','samsyn','klar')`)
		)
		.addColumn('origin', 'text', (c) =>
			c
				.notNull()
				.defaultTo('workspace')
				.check(sql`origin IN ('workspace','import')`)
		)
		.addColumn('shared_evaluation_id', 'integer', (c) => c.references('evaluation.id'))
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', now)
		.execute();
	await db.schema
		.createIndex('self_assessment_municipality')
		.on('self_assessment')
		.columns(['municipality_code', 'assessed_on'])
		.execute();

	// A member's row is also their blind sheet: submitted_at marks it handed in.
	await db.schema
		.createTable('self_assessment_member')
		.addColumn('self_assessment_id', 'integer', assessmentRef)
		.addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id'))
		.addColumn('submitted_at', 'timestamptz')
		.addPrimaryKeyConstraint('self_assessment_member_pkey', ['self_assessment_id', 'user_id'])
		.execute();

	await db.schema
		.createTable('self_assessment_score')
		.addColumn('self_assessment_id', 'integer', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.notNull())
		.addColumn('subarea_id', 'text', (c) => c.notNull())
		.addColumn('points', 'integer', (c) => c.check(sql`points >= 0`))
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('row_version', 'integer', version)
		.addColumn('updated_at', 'timestamptz', now)
		.addPrimaryKeyConstraint('self_assessment_score_pkey', [
			'self_assessment_id',
			'user_id',
			'subarea_id'
		])
		.addForeignKeyConstraint(
			'self_assessment_score_member',
			['self_assessment_id', 'user_id'],
			'self_assessment_member',
			['self_assessment_id', 'user_id'],
			(fk) => fk.onDelete('cascade')
		)
		.execute();

	await db.schema
		.createTable('self_assessment_agreed')
		.addColumn('self_assessment_id', 'integer', assessmentRef)
		.addColumn('subarea_id', 'text', (c) => c.notNull())
		.addColumn('points', 'integer', (c) => c.notNull().check(sql`points >= 0`))
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('row_version', 'integer', version)
		.addColumn('updated_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', now)
		.addPrimaryKeyConstraint('self_assessment_agreed_pkey', ['self_assessment_id', 'subarea_id'])
		.execute();

	// Improvement actions taken from a gap when the municipality has no evaluation to plan on.
	await db.schema
		.createTable('self_assessment_action')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('self_assessment_id', 'integer', assessmentRef)
		.addColumn('subarea_id', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull().check(sql`length(trim(title)) > 0`))
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('owner_role', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', now)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'self_assessment_action',
		'self_assessment_agreed',
		'self_assessment_score',
		'self_assessment_member',
		'self_assessment'
	]) {
		await db.schema.dropTable(table).execute();
	}
}
