import { sql, type Kysely } from 'kysely';

/**
 * Foundation: extensions, the Swedish accent-insensitive text search configuration, the
 * municipality register, stored rubric versions, evaluations and their published snapshots.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
	await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
	// OCR output loses å/ä/ö: fold accents before stemming so "forvaltning" meets "förvaltning".
	await sql`CREATE TEXT SEARCH CONFIGURATION swedish_unaccent (COPY = swedish)`.execute(db);
	await sql`ALTER TEXT SEARCH CONFIGURATION swedish_unaccent
		ALTER MAPPING FOR hword, hword_part, word WITH unaccent, swedish_stem`.execute(db);

	await db.schema
		.createTable('municipality')
		.addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[0-9]{4}$'`))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('county_code', 'text', (c) => c.notNull())
		.addColumn('county', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('rubric')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('definition', 'jsonb', (c) => c.notNull())
		.addColumn('content_hash', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('evaluation')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('year', 'integer', (c) => c.notNull().check(sql`year BETWEEN 1990 AND 2100`))
		.addColumn('rubric_id', 'text', (c) => c.notNull().references('rubric.id'))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('planering')
				.check(
					sql`status IN ('planering','insamling','poangsattning','kalibrering','faktagranskning','publicerad')`
				)
		)
		.addColumn('origin', 'text', (c) =>
			c
				.notNull()
				.defaultTo('workspace')
				.check(sql`origin IN ('workspace','import')`)
		)
		.addColumn('previous_evaluation_id', 'integer', (c) => c.references('evaluation.id'))
		.addColumn('evaluated_at', 'text', (c) => c.check(sql`evaluated_at ~ '^[0-9]{4}-[0-9]{2}$'`))
		.addColumn('visit_start', 'date')
		.addColumn('visit_end', 'date')
		.addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('source', 'text')
		.addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('evaluation_municipality_year_rubric_key', [
			'municipality_code',
			'year',
			'rubric_id'
		])
		.execute();

	await db.schema
		.createTable('published_result')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('evaluation_id', 'integer', (c) => c.notNull().references('evaluation.id'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('is_current', 'boolean', (c) => c.notNull())
		.addColumn('municipality_code', 'text', (c) => c.notNull().references('municipality.code'))
		.addColumn('year', 'integer', (c) => c.notNull())
		.addColumn('rubric_id', 'text', (c) => c.notNull().references('rubric.id'))
		.addColumn('total', 'integer')
		.addColumn('has_subarea_scores', 'boolean', (c) => c.notNull())
		.addColumn('has_area_scores', 'boolean', (c) => c.notNull())
		.addColumn('content', 'jsonb', (c) => c.notNull())
		.addColumn('errata_reason', 'text')
		.addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('published_result_evaluation_version_key', ['evaluation_id', 'version'])
		.execute();
	await sql`CREATE UNIQUE INDEX published_result_one_current ON published_result (evaluation_id) WHERE is_current`.execute(
		db
	);
	await sql`CREATE INDEX published_result_current_rubric ON published_result (rubric_id, year) WHERE is_current`.execute(
		db
	);
	await db.schema
		.createIndex('published_result_municipality')
		.on('published_result')
		.columns(['municipality_code', 'year'])
		.execute();

	await db.schema
		.createTable('published_subarea_score')
		.addColumn('published_result_id', 'integer', (c) =>
			c.notNull().references('published_result.id').onDelete('cascade')
		)
		.addColumn('subarea_id', 'text', (c) => c.notNull())
		.addColumn('points', 'integer', (c) => c.notNull().check(sql`points >= 0`))
		.addPrimaryKeyConstraint('published_subarea_score_pkey', ['published_result_id', 'subarea_id'])
		.execute();

	await db.schema
		.createTable('published_area_score')
		.addColumn('published_result_id', 'integer', (c) =>
			c.notNull().references('published_result.id').onDelete('cascade')
		)
		.addColumn('area_id', 'text', (c) => c.notNull())
		.addColumn('points', 'integer', (c) => c.notNull().check(sql`points >= 0`))
		.addPrimaryKeyConstraint('published_area_score_pkey', ['published_result_id', 'area_id'])
		.execute();

	await db.schema
		.createTable('reference_average')
		.addColumn('id', 'serial', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('rubric_id', 'text', (c) => c.notNull().references('rubric.id'))
		.addColumn('as_of', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('area_scores', 'jsonb', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'reference_average',
		'published_area_score',
		'published_subarea_score',
		'published_result',
		'evaluation',
		'rubric',
		'municipality'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await sql`DROP TEXT SEARCH CONFIGURATION swedish_unaccent`.execute(db);
}
