import { sql, type Kysely } from 'kysely';

/**
 * A strength's or improvement possibility's own language (issue 27, item 4): the language the
 * author wrote that one text in (BCP 47), when it differs from the evaluation's `text_language`.
 * Null, as every existing row is, means the evaluation's language. The report marks the text with
 * it in HTML, PDF and Word. No cached report changes: no row has a language of its own yet.
 */
export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['strength', 'improvement']) {
		await db.schema
			.alterTable(table)
			.addColumn('lang', 'text', (c) => c.check(sql`lang ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'`))
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['strength', 'improvement']) {
		await db.schema.alterTable(table).dropColumn('lang').execute();
	}
}
