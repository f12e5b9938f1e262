import { sql, type Kysely } from 'kysely';

/**
 * Precomputed figures of the published results: per rubric the national averages (each mode)
 * and the totals for ranks, per municipality its published history. The app refreshes them in
 * the same transaction as a publish, erratum or import (repositories/published-aggregates.ts).
 *
 * Triggers keep them honest against any other writer (a SQL fix, bulk-loaded bench data): a
 * statement that changes published results or their scores drops the aggregates of the rubric
 * versions and municipalities it touched, and those are computed again on their next read. The
 * app's own refresh runs after its writes in the same transaction, so it stores fresh rows.
 */
const watched = ['published_result', 'published_subarea_score', 'published_area_score'] as const;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('published_aggregate')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('data', 'jsonb', (c) => c.notNull())
		.addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('published_aggregate_pkey', ['kind', 'key'])
		.execute();
	// `changed` holds the rows the statement wrote (or removed): published results themselves, or
	// score rows that name their published result.
	await sql`CREATE FUNCTION forget_published_aggregates() RETURNS trigger AS $$
		BEGIN
			IF TG_TABLE_NAME = 'published_result' THEN
				DELETE FROM published_aggregate a
				USING (SELECT DISTINCT municipality_code, rubric_id FROM changed) c
				WHERE (a.kind = 'municipality' AND a.key = c.municipality_code)
					OR (a.kind = 'rubric' AND a.key = c.rubric_id);
			ELSE
				DELETE FROM published_aggregate a
				USING (
					SELECT DISTINCT pr.municipality_code, pr.rubric_id
					FROM (SELECT DISTINCT published_result_id FROM changed) s
					JOIN published_result pr ON pr.id = s.published_result_id
				) c
				WHERE (a.kind = 'municipality' AND a.key = c.municipality_code)
					OR (a.kind = 'rubric' AND a.key = c.rubric_id);
			END IF;
			RETURN NULL;
		END $$ LANGUAGE plpgsql`.execute(db);
	await sql`CREATE FUNCTION forget_all_published_aggregates() RETURNS trigger AS $$
		BEGIN
			DELETE FROM published_aggregate;
			RETURN NULL;
		END $$ LANGUAGE plpgsql`.execute(db);
	for (const table of watched) {
		for (const [event, transition] of [
			['INSERT', 'NEW'],
			['UPDATE', 'NEW'],
			['DELETE', 'OLD']
		] as const) {
			await sql`CREATE TRIGGER ${sql.id(`${table}_${event.toLowerCase()}_forgets_aggregates`)}
				AFTER ${sql.raw(event)} ON ${sql.table(table)}
				REFERENCING ${sql.raw(transition)} TABLE AS changed
				FOR EACH STATEMENT EXECUTE FUNCTION forget_published_aggregates()`.execute(db);
		}
		await sql`CREATE TRIGGER ${sql.id(`${table}_truncate_forgets_aggregates`)}
			AFTER TRUNCATE ON ${sql.table(table)}
			FOR EACH STATEMENT EXECUTE FUNCTION forget_all_published_aggregates()`.execute(db);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of watched) {
		for (const event of ['insert', 'update', 'delete', 'truncate']) {
			await sql`DROP TRIGGER ${sql.id(`${table}_${event}_forgets_aggregates`)} ON ${sql.table(table)}`.execute(
				db
			);
		}
	}
	await sql`DROP FUNCTION forget_published_aggregates()`.execute(db);
	await sql`DROP FUNCTION forget_all_published_aggregates()`.execute(db);
	await db.schema.dropTable('published_aggregate').execute();
}
