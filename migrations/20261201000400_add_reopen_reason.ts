import { sql, type Kysely } from 'kysely';

/**
 * The reason the evaluation was last reopened, kept on the evaluation itself: publishing an
 * erratum carries it, and it was read back out of the audit log before. Backfilled from the log,
 * whose last `reopen` entry per evaluation is the reason the app used until now.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('evaluation').addColumn('reopen_reason', 'text').execute();
	await sql`
		UPDATE evaluation e
		SET reopen_reason = (
			SELECT a.reason FROM audit_log a
			WHERE a.evaluation_id = e.id AND a.action = 'reopen'
			ORDER BY a.id DESC
			LIMIT 1
		)
		WHERE EXISTS (
			SELECT 1 FROM audit_log a WHERE a.evaluation_id = e.id AND a.action = 'reopen'
		)
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('evaluation').dropColumn('reopen_reason').execute();
}
