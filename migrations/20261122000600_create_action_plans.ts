import { sql, type Kysely } from 'kysely';

/**
 * Action plans on a published evaluation's improvement possibilities and recommendations, their
 * progress notes, and a re-evaluation's judgement of each earlier improvement possibility.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('action_item')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluation.id'))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('owner_role', 'text', (c) => c.notNull())
		.addColumn('start_date', 'date')
		.addColumn('target_date', 'date')
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('planerad')
				.check(sql`status IN ('planerad','pagar','genomford','avbruten')`)
		)
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
		.addCheckConstraint(
			'action_item_dates',
			sql`start_date IS NULL OR target_date IS NULL OR start_date <= target_date`
		)
		.execute();
	await db.schema
		.createTable('action_item_link')
		.addColumn('action_item_id', 'integer', (c) =>
			c.notNull().references('action_item.id').onDelete('cascade')
		)
		.addColumn('improvement_id', 'integer', (c) => c.references('improvement.id'))
		.addColumn('recommendation_id', 'integer', (c) => c.references('recommendation.id'))
		.addCheckConstraint(
			'action_item_link_one',
			sql`(improvement_id IS NULL) <> (recommendation_id IS NULL)`
		)
		.execute();
	await sql`CREATE UNIQUE INDEX action_item_link_improvement ON action_item_link (action_item_id, improvement_id) WHERE improvement_id IS NOT NULL`.execute(
		db
	);
	await sql`CREATE UNIQUE INDEX action_item_link_recommendation ON action_item_link (action_item_id, recommendation_id) WHERE recommendation_id IS NOT NULL`.execute(
		db
	);
	await db.schema
		.createTable('action_progress_note')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('action_item_id', 'integer', (c) =>
			c.notNull().references('action_item.id').onDelete('cascade')
		)
		.addColumn('noted_on', 'date', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
		.execute();
	await db.schema
		.createTable('improvement_follow_up')
		.addColumn('evaluation_id', 'integer', (c) =>
			c.notNull().references('evaluation.id').onDelete('cascade')
		)
		.addColumn('improvement_id', 'integer', (c) => c.notNull().references('improvement.id'))
		.addColumn('judgement', 'text', (c) =>
			c.notNull().check(sql`judgement IN ('atgardad','delvis','kvarstar')`)
		)
		.addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
		.addPrimaryKeyConstraint('improvement_follow_up_pkey', ['evaluation_id', 'improvement_id'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'improvement_follow_up',
		'action_progress_note',
		'action_item_link',
		'action_item'
	])
		await db.schema.dropTable(t).execute();
}
