import { sql, type Kysely } from 'kysely';

/**
 * Reports rendered before the bar chart was drawn by its Svelte component (issue 26) kept a
 * legend naming an average no bar showed, a heading at the foot of a page, and no links to the
 * evaluation followed up or following up (issue 28). A published version's report is rendered
 * once and then served from the caches; emptying them makes the next request render it anew.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`DELETE FROM report_cache`.execute(db);
	await sql`DELETE FROM report_docx_cache`.execute(db);
}

/** Nothing to restore: the caches refill themselves. */
export async function down(): Promise<void> {}
