import { sql, type Kysely } from 'kysely';

/**
 * The good-examples library (issue 33): every strength of every published result, one row each,
 * searchable in Swedish. Written by a trigger when a published result is inserted — publishing,
 * an erratum, an import, the seed — from the result's own content, so the library changes in the
 * same transaction as what it shows and no writer can forget it. A published result is never
 * updated but its `is_current` (an erratum makes a new version current): readers join on it.
 * Deleting a result (an import replaced) takes its strengths with it.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`CREATE TABLE published_strength (
		id serial PRIMARY KEY,
		published_result_id integer NOT NULL REFERENCES published_result (id) ON DELETE CASCADE,
		area_id text NOT NULL,
		subarea_id text,
		position integer NOT NULL,
		text text NOT NULL,
		gold_star boolean NOT NULL DEFAULT false,
		tsv tsvector GENERATED ALWAYS AS (to_tsvector('swedish_unaccent'::regconfig, text)) STORED
	)`.execute(db);
	await sql`CREATE INDEX published_strength_tsv ON published_strength USING gin (tsv)`.execute(db);
	await sql`CREATE INDEX published_strength_result ON published_strength (published_result_id)`.execute(
		db
	);
	await sql`CREATE FUNCTION add_published_strengths() RETURNS trigger AS $$
		BEGIN
			INSERT INTO published_strength (published_result_id, area_id, subarea_id, position, text, gold_star)
			SELECT NEW.id, area.key, nullif(item.value ->> 'subareaId', ''), item.ordinality::int,
				item.value ->> 'text', coalesce((item.value ->> 'goldStar')::boolean, false)
			FROM jsonb_each(coalesce(NEW.content::jsonb -> 'areas', '{}'::jsonb)) AS area,
				jsonb_array_elements(coalesce(area.value -> 'strengths', '[]'::jsonb)) WITH ORDINALITY AS item
			WHERE coalesce(item.value ->> 'text', '') <> '';
			RETURN NULL;
		END $$ LANGUAGE plpgsql`.execute(db);
	await sql`CREATE TRIGGER published_result_adds_strengths
		AFTER INSERT ON published_result
		FOR EACH ROW EXECUTE FUNCTION add_published_strengths()`.execute(db);
	// The results published before this migration.
	await sql`INSERT INTO published_strength (published_result_id, area_id, subarea_id, position, text, gold_star)
		SELECT r.id, area.key, nullif(item.value ->> 'subareaId', ''), item.ordinality::int,
			item.value ->> 'text', coalesce((item.value ->> 'goldStar')::boolean, false)
		FROM published_result r,
			jsonb_each(coalesce(r.content::jsonb -> 'areas', '{}'::jsonb)) AS area,
			jsonb_array_elements(coalesce(area.value -> 'strengths', '[]'::jsonb)) WITH ORDINALITY AS item
		WHERE coalesce(item.value ->> 'text', '') <> ''`.execute(db);
	// The public pages' cache must see a change here too (public_data_version's trigger).
	await sql`CREATE TRIGGER published_strength_bumps_public_data_version
		AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON published_strength
		FOR EACH STATEMENT EXECUTE FUNCTION bump_public_data_version()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`DROP TRIGGER published_result_adds_strengths ON published_result`.execute(db);
	await sql`DROP FUNCTION add_published_strengths()`.execute(db);
	await sql`DROP TABLE published_strength`.execute(db);
}
