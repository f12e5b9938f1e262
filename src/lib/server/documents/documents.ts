import { cleanFileName } from '$lib/domain/file-name';
import { createHash } from 'node:crypto';
import type { Transaction, UpdateObject } from 'kysely';
import type { DB } from '../db/types';
import type { Database } from '../db';
import { recordAudit, type Actor, type AuditEntry } from '../accounts/audit';
import { DomainError } from '../errors';
import { detectDocumentType, mediaTypes } from './extract';
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
 * extracted in a worker thread by the extraction job (server/jobs/extraction.ts). Nothing is
 * stored when refused.
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
	// Stored and shown cleaned; the name as sent stays in the audit row only.
	const fileName = cleanFileName(input.fileName);
	const title = (input.title?.trim() || fileName.replace(/\.[^.]+$/, '')).slice(0, 300);
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('source_document')
			.values({
				evaluation_id: evaluationId,
				title,
				kind: input.kind ?? 'annat',
				document_date: input.documentDate ?? null,
				url: input.url ?? null,
				file_name: fileName,
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
			after: {
				title,
				fileName,
				...(fileName !== input.fileName ? { fileNameAsSent: input.fileName } : {}),
				size: input.bytes.length,
				type
			}
		});
		return row.id;
	});
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

/**
 * A document of the evaluation with exactly these bytes (the same file uploaded before), so a
 * second upload can say so and link to it instead of silently keeping two copies.
 */
export async function findSameFile(
	db: Database,
	evaluationId: number,
	bytes: Uint8Array
): Promise<{ id: number; title: string } | undefined> {
	return db
		.selectFrom('source_document')
		.select(['id', 'title'])
		.where('evaluation_id', '=', evaluationId)
		.where('sha256', '=', createHash('sha256').update(bytes).digest('hex'))
		.orderBy('id')
		.executeTakeFirst();
}
