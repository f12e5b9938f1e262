/**
 * What a re-evaluation carries over from the evaluation before it: the governing documents, copied
 * when the re-evaluation is created, their pages copied after, and the municipality's word on
 * whether each still applies.
 */
import { hostname } from 'node:os';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import type { Actor } from '../accounts/audit';
import { DomainError } from '../errors';
import { changeDocument } from './documents';

/** Who holds a carried-over document until its pages are copied (see finishCarriedDocuments). */
const carryClaimant = `carry-over:${hostname()}:${process.pid}`;

/** The columns a carried-over document takes from its original as they are. */
const copiedColumns = [
	'title',
	'kind',
	'document_date',
	'url',
	'file_name',
	'media_type',
	'size_bytes',
	'sha256',
	'content'
] as const;

/**
 * Copies the previous evaluation's governing documents (the files) to a new re-evaluation, marked
 * as carried over; the municipality then says which still apply. A document the municipality said
 * no longer applies is not carried again. Runs inside the creating transaction in one statement:
 * the bytes never leave the database. The extracted pages follow off the request path
 * (finishCarriedDocuments): until then a copy is "bearbetas", claimed so the extraction queue
 * leaves it alone, and if this process dies first the queue extracts it again after the claim
 * timeout.
 */
export async function carryOverDocuments(
	trx: Transaction<DB>,
	fromEvaluationId: number,
	toEvaluationId: number
): Promise<number> {
	const copied = await trx
		.insertInto('source_document')
		.columns([
			'evaluation_id',
			...copiedColumns,
			'status',
			'uploaded_by',
			'carried_from_id',
			'claimed_by',
			'claimed_at'
		])
		.expression((eb) =>
			eb
				.selectFrom('source_document')
				.select([
					sql.lit(toEvaluationId).as('evaluation_id'),
					...copiedColumns,
					sql.lit('bearbetas').as('status'),
					'uploaded_by',
					'id',
					sql.lit(carryClaimant).as('claimed_by'),
					sql<Date>`now()`.as('claimed_at')
				])
				.where('evaluation_id', '=', fromEvaluationId)
				.where((w) => w.or([w('still_applies', 'is', null), w('still_applies', '=', true)]))
				.orderBy('id')
		)
		.executeTakeFirst();
	return Number(copied.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Copies the extracted pages of an evaluation's carried-over documents from their originals and
 * then gives each the original's status, while the copy is still claimed by this process. Pages
 * go a few per statement and outside a transaction: on PGlite each statement (with its tsvector
 * and GIN index) blocks the server's thread, so requests get a turn between them. A copy left
 * half-done (the process died) is extracted again by the queue, which replaces its pages.
 */
export async function finishCarriedDocuments(db: Database, evaluationId: number): Promise<void> {
	const waiting = await db
		.selectFrom('source_document as d')
		.innerJoin('source_document as o', 'o.id', 'd.carried_from_id')
		.select([
			'd.id',
			'o.id as originalId',
			'o.status',
			'o.status_message as statusMessage',
			'o.page_count as pageCount'
		])
		.where('d.evaluation_id', '=', evaluationId)
		.where('d.claimed_by', '=', carryClaimant)
		.where('d.status', '=', 'bearbetas')
		.orderBy('d.id')
		.execute();
	for (const doc of waiting) {
		const release = db
			.updateTable('source_document')
			.where('id', '=', doc.id)
			.where('claimed_by', '=', carryClaimant)
			.where('status', '=', 'bearbetas');
		// The original is still being extracted: the queue extracts the copy too.
		if (doc.status === 'bearbetas') {
			await release.set({ claimed_by: null, claimed_at: null }).execute();
			continue;
		}
		const pages = await db
			.selectFrom('document_page')
			.select('page_number')
			.where('document_id', '=', doc.originalId)
			.orderBy('page_number')
			.execute();
		for (let i = 0; i < pages.length; i += 4) {
			const batch = pages.slice(i, i + 4).map((p) => p.page_number);
			await db
				.insertInto('document_page')
				.columns(['document_id', 'page_number', 'section_title', 'text'])
				.expression((eb) =>
					eb
						.selectFrom('document_page')
						.select([sql.lit(doc.id).as('document_id'), 'page_number', 'section_title', 'text'])
						.where('document_id', '=', doc.originalId)
						.where('page_number', 'in', batch)
				)
				.execute();
		}
		await release
			.set({
				status: doc.status,
				status_message: doc.statusMessage,
				page_count: doc.pageCount,
				claimed_by: null,
				claimed_at: null
			})
			.execute();
	}
}

/** The municipality says whether a carried-over document still applies. */
export async function markCarriedDocument(
	db: Database,
	actor: Actor,
	evaluationId: number,
	documentId: number,
	stillApplies: boolean
) {
	await db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('source_document')
			.select(['still_applies'])
			.where('id', '=', documentId)
			.where('evaluation_id', '=', evaluationId)
			.where('carried_from_id', 'is not', null)
			.executeTakeFirst();
		if (!before) throw new DomainError('errors.notFound', '_form', 404);
		await changeDocument(
			trx,
			actor,
			evaluationId,
			documentId,
			{ still_applies: stillApplies, row_version: sql`row_version + 1` },
			{
				action: 'mark-carried',
				before: { stillApplies: before.still_applies },
				after: { stillApplies }
			}
		);
	});
}
