/** The database's side of /healthz (platform/health.ts): does it answer a query at all. */
import { sql } from 'kysely';
import type { Database } from '../db';

/** The cheapest statement the database must answer; rejects when it cannot. */
export async function pingDatabase(db: Database): Promise<void> {
	await sql`select 1`.execute(db);
}
