import { sql, type Kysely } from 'kysely';

/**
 * Precomputed figures of the published results: per rubric the national averages (each mode)
 * and the totals for ranks, per municipality its published history. Refreshed in the same
 * transaction as a publish, erratum or import; a missing row is computed on first read, so an
 * existing database needs no backfill here.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('published_aggregate')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('data', 'jsonb', (c) => c.notNull())
		.addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('published_aggregate_pkey', ['kind', 'key'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('published_aggregate').execute();
}
