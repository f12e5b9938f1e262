import type { Kysely } from 'kysely';

/**
 * Each precomputed figure in `published_aggregate` records the version of the rules it was
 * computed with (`aggregateRuleVersion` beside `minEvaluations`). The app serves only rows of its
 * own version and computes the others again on their next read, so changing a rule needs a bump
 * of that constant and no migration. Rows from before this column get 0, a version the app never
 * has: they are rebuilt on first read. The default is dropped afterwards so every writer names
 * its version.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('published_aggregate')
		.addColumn('rule_version', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	await db.schema
		.alterTable('published_aggregate')
		.alterColumn('rule_version', (c) => c.dropDefault())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('published_aggregate').dropColumn('rule_version').execute();
}
