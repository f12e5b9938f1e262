import { sql, type Kysely } from 'kysely';

/**
 * The report cache holds PDFs rendered before reports were tagged (PDF/UA, issue 31). A published
 * version's report is rendered once and then served from the cache, so without this every
 * report published before the change would stay untagged. Emptying the cache makes the next
 * request render the tagged PDF and cache it again.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`DELETE FROM report_cache`.execute(db);
}

/** Nothing to restore: the cache refills itself. */
export async function down(): Promise<void> {}
