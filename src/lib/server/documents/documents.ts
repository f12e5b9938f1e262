import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Transaction, type UpdateObject } from 'kysely';
import type { DB } from '../db/types';
import type { Database } from '../db';
import type { DocumentStatus } from './tables';
import { log } from '../platform/log';
import { extractInWorker } from '../workers/pool';
import { recordAudit, type Actor, type AuditEntry } from '../accounts/audit';
import { DomainError } from '../errors';
import { detectDocumentType, ExtractionError, mediaTypes } from './extract';
import type { DocumentKind } from '$lib/domain/evaluation-content';

/** Upload limit in bytes: MAX_UPLOAD_MB (default 50). */
export function maxUploadBytes(): number {
	return Number(process.env.MAX_UPLOAD_MB ?? 50) * 1024 * 1024;
}

export interface NewDocument {
	fileName: string;
	bytes: Uint8Array;
	title?: string;
	kind?: DocumentKind;
	documentDate?: string | null;
	url?: string | null;
}

/**
 * Stores the original (checked: size, type from content) with status `bearbetas`; the text is
 * extracted in a worker thread by processPendingDocuments. Nothing is stored when refused.
 */
export async function addDocument(
	db: Database,
	actor: Actor & { id: number | null },
	evaluationId: number,
	input: NewDocument
): Promise<number> {
	if (input.bytes.length === 0) throw new DomainError('doc.errors.empty', 'file');
	if (input.bytes.length > maxUploadBytes())
		throw new DomainError('doc.errors.tooLarge', 'file', 400);
	const type = await detectDocumentType(input.bytes);
	if (!type) throw new DomainError('doc.errors.type', 'file');
	const title = (input.title?.trim() || input.fileName.replace(/\.[^.]+$/, '')).slice(0, 300);
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('source_document')
			.values({
				evaluation_id: evaluationId,
				title,
				kind: input.kind ?? 'annat',
				document_date: input.documentDate ?? null,
				url: input.url ?? null,
				file_name: input.fileName.slice(0, 300),
				media_type: mediaTypes[type],
				size_bytes: input.bytes.length,
				sha256: createHash('sha256').update(input.bytes).digest('hex'),
				content: input.bytes,
				status: 'bearbetas',
				uploaded_by: actor.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'source_document',
			entityId: row.id,
			evaluationId,
			action: 'create',
			after: { title, fileName: input.fileName, size: input.bytes.length, type }
		});
		return row.id;
	});
}

/**
 * Who this process is in the extraction queue's claims: host and pid, unique among app servers
 * sharing one database.
 */
export const claimant = `${hostname()}:${process.pid}`;

/**
 * After this long a claim counts as abandoned (its server crashed or was killed mid-extraction)
 * and another server may take the document again. EXTRACTION_CLAIM_TIMEOUT_S, default 10 min.
 */
export function claimTimeoutSeconds(): number {
	return Number(process.env.EXTRACTION_CLAIM_TIMEOUT_S) || 600;
}

/** A document whose extraction was started this many times without finishing is given up. */
export const maxExtractionAttempts = 3;

interface Claim {
	id: number;
	attempts: number;
}

/**
 * Claims the next waiting document, or `documentId` when given, for this process. Atomic across
 * app servers: `FOR UPDATE SKIP LOCKED` lets two servers claiming at the same moment take
 * different rows, and a row claimed less than the timeout ago is not offered at all.
 */
export async function claimDocument(
	db: Database,
	options: { documentId?: number; by?: string; timeoutSeconds?: number } = {}
): Promise<Claim | undefined> {
	const by = options.by ?? claimant;
	const timeout = options.timeoutSeconds ?? claimTimeoutSeconds();
	const result = await sql<{ id: number; attempts: number }>`
		UPDATE source_document
		SET claimed_by = ${by}, claimed_at = now(), extraction_attempts = extraction_attempts + 1
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

/**
 * Extracts a claimed document in a worker thread and stores its pages. The result is written
 * only while the claim is still ours: a server whose claim timed out and was taken over by
 * another writes nothing, so each document's pages are stored once.
 */
async function extractClaimed(db: Database, claim: Claim, by: string): Promise<void> {
	const documentId = claim.id;
	const finish = (
		set: { status: DocumentStatus; status_message: string | null; page_count?: number },
		exec: Database = db
	) =>
		exec
			.updateTable('source_document')
			.set({ ...set, claimed_by: null, claimed_at: null })
			.where('id', '=', documentId)
			.where('claimed_by', '=', by)
			.where('status', '=', 'bearbetas');
	if (claim.attempts > maxExtractionAttempts) {
		await finish({
			status: 'fel',
			status_message: 'Texten kunde inte tas ut ur filen (avbröts upprepade gånger).'
		}).execute();
		return;
	}
	const doc = await db
		.selectFrom('source_document')
		.select(['content', 'media_type'])
		.where('id', '=', documentId)
		.executeTakeFirst();
	if (!doc) return;
	const type = (Object.entries(mediaTypes).find(([, m]) => m === doc.media_type)?.[0] ??
		'text') as keyof typeof mediaTypes;
	try {
		const started = performance.now();
		const result = await extractInWorker(new Uint8Array(doc.content), type);
		const stored = await db.transaction().execute(async (trx) => {
			const still = await finish(
				{ status: result.status, status_message: result.message, page_count: result.pages.length },
				trx
			)
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
		const fields = {
			documentId,
			pages: result.pages.length,
			ms: Math.round(performance.now() - started)
		};
		if (stored) log.info(fields, 'document extracted');
		else log.warn(fields, 'extraction discarded: the claim was taken over by another server');
	} catch (e) {
		const message = e instanceof ExtractionError ? e.message : 'Texten kunde inte tas ut ur filen.';
		if (!(e instanceof ExtractionError)) log.error({ err: e, documentId }, 'extraction failed');
		await finish({ status: 'fel', status_message: message }).execute();
	}
}

/** Extracts one document's text now (CLI, seed, tests); failures are recorded on the document. */
export async function extractStoredDocument(db: Database, documentId: number): Promise<void> {
	const claim = await claimDocument(db, { documentId });
	if (claim) await extractClaimed(db, claim, claimant);
}

let running: Promise<void> | null = null;
let stopping = false;

/**
 * Works through documents waiting for extraction, one at a time per process, in a worker thread.
 * Safe to call often and from any number of app servers: each document is claimed by one.
 */
export function processPendingDocuments(db: Database): Promise<void> {
	running ??= (async () => {
		try {
			while (!stopping) {
				const claim = await claimDocument(db);
				if (!claim) break;
				await extractClaimed(db, claim, claimant);
			}
		} catch (e) {
			log.error({ err: e }, 'extraction queue stopped by an error; retried at the next poll');
		} finally {
			running = null;
		}
	})();
	return running;
}

let timer: NodeJS.Timeout | undefined;

/**
 * Polls the queue (EXTRACTION_POLL_S, default 30 s): picks up documents uploaded to another app
 * server, left by a restart, or whose claim timed out. Uploads also start it directly.
 */
export function startDocumentQueue(db: Database): void {
	if (timer) return;
	stopping = false;
	const poll = () => void processPendingDocuments(db);
	poll();
	timer = setInterval(poll, (Number(process.env.EXTRACTION_POLL_S) || 30) * 1000);
	timer.unref();
}

/** Shutdown: no new claims; waits for the document being extracted now. */
export async function stopDocumentQueue(): Promise<void> {
	stopping = true;
	clearInterval(timer);
	timer = undefined;
	await running;
}

/** What the document pages show of a document (never its bytes). */
const documentColumns = [
	'id',
	'title',
	'kind',
	'document_date as documentDate',
	'url',
	'file_name as fileName',
	'media_type as mediaType',
	'size_bytes as sizeBytes',
	'status',
	'status_message as statusMessage',
	'page_count as pageCount',
	'carried_from_id as carriedFromId',
	'still_applies as stillApplies'
] as const;

export async function listDocuments(db: Database, evaluationId: number) {
	return db
		.selectFrom('source_document')
		.select([...documentColumns, 'created_at as createdAt'])
		.where('evaluation_id', '=', evaluationId)
		.orderBy('id')
		.execute();
}

/** The evaluation's document with this id (none for a document of another evaluation). */
const evaluationDocument = (db: Database, evaluationId: number, documentId: number) =>
	db
		.selectFrom('source_document')
		.where('evaluation_id', '=', evaluationId)
		.where('id', '=', documentId);

export async function findDocument(db: Database, evaluationId: number, documentId: number) {
	return evaluationDocument(db, evaluationId, documentId)
		.select(documentColumns)
		.executeTakeFirst();
}

export async function listDocumentPages(db: Database, documentId: number) {
	return db
		.selectFrom('document_page')
		.select(['page_number as page', 'section_title as sectionTitle', 'text'])
		.where('document_id', '=', documentId)
		.orderBy('page_number')
		.execute();
}

export async function loadDocumentFile(db: Database, evaluationId: number, documentId: number) {
	return evaluationDocument(db, evaluationId, documentId)
		.select(['file_name as fileName', 'media_type as mediaType', 'content'])
		.executeTakeFirst();
}

/** Where a document's text extraction stands: `klar`, `fel` (with a message) or still pending. */
export async function getDocumentStatus(db: Database, documentId: number) {
	return db
		.selectFrom('source_document')
		.select(['status', 'status_message as statusMessage', 'page_count as pageCount'])
		.where('id', '=', documentId)
		.executeTakeFirstOrThrow();
}

/** The longest document title (file names default to it, cut at the same length). */
export const maxDocumentTitle = 300;

/**
 * Changes a document of the evaluation (read and checked by the caller, in `trx`) and audits the
 * change as `audit` describes it.
 */
export async function changeDocument(
	trx: Transaction<DB>,
	actor: Actor,
	evaluationId: number,
	documentId: number,
	values: UpdateObject<DB, 'source_document'>,
	audit: Pick<AuditEntry, 'action' | 'before' | 'after'>
): Promise<void> {
	await trx.updateTable('source_document').set(values).where('id', '=', documentId).execute();
	await recordAudit(trx, {
		actor,
		entity: 'source_document',
		entityId: documentId,
		evaluationId,
		...audit
	});
}

/** Renames a document of this evaluation (titles default to the file name); audited. */
export async function renameDocument(
	db: Database,
	actor: Actor,
	evaluationId: number,
	documentId: number,
	title: string
): Promise<void> {
	const trimmed = title.trim();
	if (!trimmed) throw new DomainError('errors.required', 'title');
	if (trimmed.length > maxDocumentTitle) {
		throw new DomainError('errors.tooLong', 'title', 400, { max: maxDocumentTitle });
	}
	await db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('source_document')
			.select('title')
			.where('id', '=', documentId)
			.where('evaluation_id', '=', evaluationId)
			.forUpdate()
			.executeTakeFirst();
		if (!before) throw new DomainError('errors.notFound', '_form', 404);
		if (before.title === trimmed) return;
		await changeDocument(
			trx,
			actor,
			evaluationId,
			documentId,
			{ title: trimmed },
			{
				action: 'update',
				before: { title: before.title },
				after: { title: trimmed }
			}
		);
	});
}
