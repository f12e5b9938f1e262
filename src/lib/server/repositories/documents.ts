import { createHash } from 'node:crypto';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../audit';
import { DomainError } from './versioned';
import {
	detectDocumentType,
	extractDocument,
	ExtractionError,
	mediaTypes
} from '../documents/extract';
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
 * extracted in the background by processPendingDocuments. Nothing is stored when refused.
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

/** Extracts one document's text and stores its pages; failures are recorded on the document. */
export async function extractStoredDocument(db: Database, documentId: number): Promise<void> {
	const doc = await db
		.selectFrom('source_document')
		.select(['id', 'content', 'media_type', 'status'])
		.where('id', '=', documentId)
		.executeTakeFirst();
	if (!doc || doc.status !== 'bearbetas') return;
	const type = (Object.entries(mediaTypes).find(([, m]) => m === doc.media_type)?.[0] ??
		'text') as keyof typeof mediaTypes;
	try {
		const result = await extractDocument(new Uint8Array(doc.content), type);
		await db.transaction().execute(async (trx) => {
			await trx.deleteFrom('document_page').where('document_id', '=', documentId).execute();
			for (let i = 0; i < result.pages.length; i += 200) {
				await trx
					.insertInto('document_page')
					.values(
						result.pages.slice(i, i + 200).map((p) => ({
							document_id: documentId,
							page_number: p.page,
							section_title: p.sectionTitle,
							text: p.text
						}))
					)
					.execute();
			}
			await trx
				.updateTable('source_document')
				.set({
					status: result.status,
					status_message: result.message,
					page_count: result.pages.length
				})
				.where('id', '=', documentId)
				.execute();
		});
	} catch (e) {
		const message = e instanceof ExtractionError ? e.message : 'Texten kunde inte tas ut ur filen.';
		if (!(e instanceof ExtractionError))
			console.error(`Extraction of document ${documentId} failed`, e);
		await db
			.updateTable('source_document')
			.set({ status: 'fel', status_message: message })
			.where('id', '=', documentId)
			.execute();
	}
}

let running: Promise<void> | null = null;

/**
 * Works through documents waiting for extraction, one at a time, off the request path. Safe to
 * call often: one run at a time per process; pending documents left by a restart are picked up.
 */
export function processPendingDocuments(db: Database): Promise<void> {
	running ??= (async () => {
		try {
			for (;;) {
				const next = await db
					.selectFrom('source_document')
					.select('id')
					.where('status', '=', 'bearbetas')
					.orderBy('id')
					.limit(1)
					.executeTakeFirst();
				if (!next) break;
				await extractStoredDocument(db, next.id);
				// Let requests in between documents.
				await new Promise((resolve) => setImmediate(resolve));
			}
		} finally {
			running = null;
		}
	})();
	return running;
}

export async function listDocuments(db: Database, evaluationId: number) {
	return db
		.selectFrom('source_document')
		.select([
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
			'created_at as createdAt'
		])
		.where('evaluation_id', '=', evaluationId)
		.orderBy('id')
		.execute();
}

export async function findDocument(db: Database, evaluationId: number, documentId: number) {
	return db
		.selectFrom('source_document')
		.select([
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
			'page_count as pageCount'
		])
		.where('evaluation_id', '=', evaluationId)
		.where('id', '=', documentId)
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
	return db
		.selectFrom('source_document')
		.select(['file_name as fileName', 'media_type as mediaType', 'content'])
		.where('evaluation_id', '=', evaluationId)
		.where('id', '=', documentId)
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
