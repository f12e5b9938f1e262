import type { Kysely } from 'kysely';

/**
 * Where an action came from: an action taken from a self-assessment's gap keeps the subarea it
 * answers and the self-assessment it came from, so the plan can say "från självskattningen
 * 2026-11-30" and the action is not read as answering the whole area. Both are empty for an
 * action written in the plan itself.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('action_item')
		.addColumn('subarea_id', 'text')
		.addColumn('self_assessment_id', 'integer', (c) =>
			c.references('self_assessment.id').onDelete('set null')
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('action_item')
		.dropColumn('self_assessment_id')
		.dropColumn('subarea_id')
		.execute();
}
