import { sql, type Kysely } from 'kysely';

/**
 * Fact-check comments that close: each has a status (oppen → besvarad → stangd) and may point at
 * one finding of its area (a strength, an improvement area or a subarea narrative) instead of
 * the area as a whole. `quote` keeps the finding's text as it read when commented on, so the
 * comment still makes sense after the finding is edited or deleted.
 *
 * Existing comments were all on areas: answered ones become `besvarad`, unanswered `oppen`, and
 * those of evaluations already published `stangd` (publishing settled them; nobody can act on
 * them any more).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('fact_check_comment')
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('oppen'))
		.addColumn('target_kind', 'text', (c) => c.notNull().defaultTo('area'))
		.addColumn('finding_id', 'integer')
		.addColumn('subarea_id', 'text')
		.addColumn('quote', 'text')
		.addColumn('closed_by', 'integer', (c) => c.references('app_user.id'))
		.addColumn('closed_at', 'timestamptz')
		.execute();
	await sql`
		UPDATE fact_check_comment c
		SET status = CASE
			WHEN e.status = 'publicerad' THEN 'stangd'
			WHEN c.answer IS NOT NULL THEN 'besvarad'
			ELSE 'oppen'
		END
		FROM evaluation e
		WHERE e.id = c.evaluation_id
	`.execute(db);
	await sql`
		ALTER TABLE fact_check_comment
			ADD CONSTRAINT fact_check_comment_status_check
				CHECK (status IN ('oppen', 'besvarad', 'stangd')),
			ADD CONSTRAINT fact_check_comment_target_check CHECK (
				(target_kind = 'area' AND finding_id IS NULL AND subarea_id IS NULL)
				OR (target_kind IN ('strength', 'improvement') AND finding_id IS NOT NULL
					AND subarea_id IS NULL)
				OR (target_kind = 'narrative' AND subarea_id IS NOT NULL AND finding_id IS NULL)
			)
	`.execute(db);
	// The open count is read on every workspace page of the evaluation (the navigation badge).
	await db.schema
		.createIndex('fact_check_comment_evaluation_status')
		.on('fact_check_comment')
		.columns(['evaluation_id', 'status'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('fact_check_comment_evaluation_status').execute();
	await sql`
		ALTER TABLE fact_check_comment
			DROP CONSTRAINT fact_check_comment_status_check,
			DROP CONSTRAINT fact_check_comment_target_check
	`.execute(db);
	await db.schema
		.alterTable('fact_check_comment')
		.dropColumn('status')
		.dropColumn('target_kind')
		.dropColumn('finding_id')
		.dropColumn('subarea_id')
		.dropColumn('quote')
		.dropColumn('closed_by')
		.dropColumn('closed_at')
		.execute();
}
