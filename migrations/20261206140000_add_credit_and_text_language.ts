import { sql, type Kysely } from 'kysely';

/**
 * Credits and the language of the evaluators' texts (issue 27).
 *
 * `credited_author`: who a published report names as its author when the evaluation was not done
 * in this toolkit (an imported or seeded result: SKR's own reports name no evaluators). Null for an
 * evaluation done here, whose team is credited. Existing imported or publication-sourced
 * evaluations get their publisher and year: SKL until its renaming in 2019, SKR after.
 *
 * `text_language`: the language the evaluators wrote the evaluation's texts in (BCP 47), Swedish
 * unless the team says otherwise; the report marks those texts with it in HTML, PDF and Word.
 *
 * The cached PDFs were rendered with the old credits, so they are dropped and rendered again.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('evaluation').addColumn('credited_author', 'text').execute();
	await db.schema
		.alterTable('evaluation')
		.addColumn('text_language', 'text', (c) =>
			c
				.notNull()
				.defaultTo('sv')
				.check(sql`text_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'`)
		)
		.execute();
	await sql`UPDATE evaluation
		SET credited_author = CASE WHEN year <= 2019
			THEN 'Sveriges Kommuner och Landsting, ' || year
			ELSE 'Sveriges Kommuner och Regioner, ' || year END
		WHERE origin = 'import' OR source IS NOT NULL`.execute(db);
	await sql`DELETE FROM report_cache`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('evaluation').dropColumn('text_language').execute();
	await db.schema.alterTable('evaluation').dropColumn('credited_author').execute();
}
