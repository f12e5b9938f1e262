import { sql, type Kysely } from 'kysely';

/**
 * Everything anonymous public pages and the open API show, as one number: a statement-level
 * trigger on each table they read bumps it in the same transaction as the change (publish,
 * import, erratum, reference averages, public action plans, rubric texts…). The number makes a
 * cheap ETag and keys the in-process cache of rendered public pages (src/lib/server/public-cache.ts),
 * with no hashing of pages and no writer that could forget to bump it.
 */
export const publicTables = [
	'municipality',
	'rubric',
	'evaluation',
	'published_result',
	'published_subarea_score',
	'published_area_score',
	'reference_average',
	'peer_group',
	'improvement',
	'recommendation',
	'improvement_follow_up',
	'action_item',
	'action_item_link',
	'action_progress_note'
];

export async function up(db: Kysely<any>): Promise<void> {
	await sql`CREATE TABLE public_data_version (
		id boolean PRIMARY KEY DEFAULT true CHECK (id),
		version bigint NOT NULL
	)`.execute(db);
	await sql`INSERT INTO public_data_version (version) VALUES (1)`.execute(db);
	await sql`CREATE FUNCTION bump_public_data_version() RETURNS trigger AS $$
		BEGIN
			UPDATE public_data_version SET version = version + 1;
			RETURN NULL;
		END $$ LANGUAGE plpgsql`.execute(db);
	for (const table of publicTables) {
		await sql`CREATE TRIGGER ${sql.id(`${table}_bumps_public_data_version`)}
			AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
			FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_version()`.execute(db);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of publicTables) {
		await sql`DROP TRIGGER ${sql.id(`${table}_bumps_public_data_version`)} ON ${sql.table(table)}`.execute(
			db
		);
	}
	await sql`DROP FUNCTION bump_public_data_version()`.execute(db);
	await sql`DROP TABLE public_data_version`.execute(db);
}
