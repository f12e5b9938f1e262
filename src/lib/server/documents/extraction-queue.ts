/**
 * The extraction queue's queries: claiming a waiting document, reading its bytes and storing what
 * the worker extracted. The loop that drives them, and the worker calls, are the job's
 * (server/jobs/extraction.ts); these only query.
 */
import { sql } from 'kysely';
import type { Database } from '../db';
import type { DocumentStatus } from './tables';
import type { ExtractedPage } from './extract';

export interface Claim {
	id: number;
	attempts: number;
}

/** After this long a claim counts as abandoned unless the caller says otherwise (10 min). */
const defaultClaimTimeoutSeconds = 600;

/**
 * Claims the next waiting document, or `documentId` when given, for `by`. Atomic across app
 * servers: `FOR UPDATE SKIP LOCKED` lets two servers claiming at the same moment take different
 * rows, and a row claimed less than the timeout ago is not offered at all.
 */
export async function claimDocument(
	db: Database,
	options: { documentId?: number; by: string; timeoutSeconds?: number }
): Promise<Claim | undefined> {
	const timeout = options.timeoutSeconds ?? defaultClaimTimeoutSeconds;
	const result = await sql<{ id: number; attempts: number }>`
		UPDATE source_document
		SET claimed_by = ${options.by}, claimed_at = now(), extraction_attempts = extraction_attempts + 1
		WHERE id = (
			SELECT id FROM source_document
			WHERE status = 'bearbetas'
				AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => ${timeout}))
				${options.documentId === undefined ? sql`` : sql`AND id = ${options.documentId}`}
			ORDER BY id
			LIMIT 1
			FOR UPDATE SKIP LOCKED
		)
		RETURNING id, extraction_attempts AS attempts`.execute(db);
	return result.rows[0];
}

type Finish = { status: DocumentStatus; status_message: string | null; page_count?: number };

/**
 * Ends a claim with its outcome, only while the claim is still `by`'s: a server whose claim timed
 * out and was taken over by another writes nothing. Returns whether it was.
 */
export async function finishClaim(
	db: Database,
	documentId: number,
	by: string,
	set: Finish
): Promise<boolean> {
	const row = await db
		.updateTable('source_document')
		.set({ ...set, claimed_by: null, claimed_at: null })
		.where('id', '=', documentId)
		.where('claimed_by', '=', by)
		.where('status', '=', 'bearbetas')
		.returning('id')
		.executeTakeFirst();
	return Boolean(row);
}

/** The stored original of a claimed document, for the worker. */
export async function loadDocumentBytes(db: Database, documentId: number) {
	return db
		.selectFrom('source_document')
		.select(['content', 'media_type'])
		.where('id', '=', documentId)
		.executeTakeFirst();
}

/**
 * Stores the extracted pages and ends the claim in one transaction, only while the claim is still
 * `by`'s, so each document's pages are stored once. Returns whether they were stored.
 */
export async function storeExtraction(
	db: Database,
	documentId: number,
	by: string,
	result: { status: DocumentStatus; message: string | null; pages: ExtractedPage[] }
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const still = await trx
			.updateTable('source_document')
			.set({
				status: result.status,
				status_message: result.message,
				page_count: result.pages.length,
				claimed_by: null,
				claimed_at: null
			})
			.where('id', '=', documentId)
			.where('claimed_by', '=', by)
			.where('status', '=', 'bearbetas')
			.returning('id')
			.executeTakeFirst();
		if (!still) return false;
		await trx.deleteFrom('document_page').where('document_id', '=', documentId).execute();
		// Small batches: on PGlite each statement (with its tsvector and GIN index) runs on the
		// server's thread, and requests get a turn between statements.
		for (let i = 0; i < result.pages.length; i += 25) {
			await trx
				.insertInto('document_page')
				.values(
					result.pages.slice(i, i + 25).map((p) => ({
						document_id: documentId,
						page_number: p.page,
						section_title: p.sectionTitle,
						text: p.text
					}))
				)
				.execute();
		}
		return true;
	});
}
