/**
 * Evidence items — exact excerpts of one source of the evaluation (an interview's notes, a web
 * observation, a document page) linked to one or more subareas — and the findings citing them.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { recordAudit, type Actor } from '../accounts/audit';
import { saveVersioned, StaleWriteError } from '../db/versioned';
import { DomainError } from '../errors';
import {
	deleteOwned,
	ensureFinding,
	ensureOwned,
	insertOwned,
	isOwned,
	loadEvaluationRubric
} from '../evaluations/rows';
import { listSubareas } from '$lib/domain/rubric';
import {
	findingKey,
	findingKeyValue,
	isExcerptOf,
	sourceLimits,
	type EvidenceSourceKind,
	type EvidenceView,
	type FindingRef
} from '$lib/domain/sources';

export interface NewEvidence {
	sourceKind: EvidenceSourceKind;
	interviewId?: number | null;
	webObservationId?: number | null;
	documentId?: number | null;
	/** The document page the quote is on (documents only). */
	page?: number | null;
	/** The exact excerpt. For an interview it must occur in the interview's notes. */
	quote: string;
	note?: string;
	/** One or more subareas of the evaluation's rubric. */
	subareaIds: string[];
}

/** Subarea ids in reading order: 1.2 before 1.10. */
const bySubareaId = (a: string, b: string) => a.localeCompare(b, 'sv', { numeric: true });

/** The subareas, once each and in order; refuses none or one the evaluation's rubric lacks. */
async function checkSubareas(trx: Transaction<DB>, evaluationId: number, subareaIds: string[]) {
	const rubric = await loadEvaluationRubric(trx, evaluationId);
	const unique = [...new Set(subareaIds)];
	if (unique.length === 0) throw new DomainError('src.errors.subareaRequired', 'subareaIds');
	const known = new Set(listSubareas(rubric).map((s) => s.id));
	if (unique.some((id) => !known.has(id))) {
		throw new DomainError('ws.errors.unknownSubarea', 'subareaIds');
	}
	return unique.sort(bySubareaId);
}

/** Links the item to exactly these subareas. */
async function linkSubareas(trx: Transaction<DB>, evidenceId: number, subareaIds: string[]) {
	await trx.deleteFrom('evidence_subarea').where('evidence_id', '=', evidenceId).execute();
	const links = subareaIds.map((subarea_id) => ({ evidence_id: evidenceId, subarea_id }));
	await trx.insertInto('evidence_subarea').values(links).execute();
}

/** The table each kind of source lives in. */
const sourceTables = {
	interview: 'interview',
	web: 'web_observation',
	document: 'source_document'
} as const;

/**
 * Creates an evidence item from one source of this evaluation, linked to one or more subareas.
 * Takes the caller's transaction so a caller (e.g. citing a document passage) can do more in the
 * same one. Refuses an empty or over-long quote, no or unknown subareas, a source of another
 * evaluation, and an interview quote that is not in the interview's notes.
 */
export async function createEvidence(
	trx: Transaction<DB>,
	actor: Actor,
	evaluationId: number,
	input: NewEvidence
): Promise<number> {
	const quote = input.quote.trim();
	const note = (input.note ?? '').trim();
	if (!quote) throw new DomainError('src.errors.quoteRequired', 'quote');
	if (quote.length > sourceLimits.quote) throw new DomainError('src.errors.tooLong', 'quote');
	if (note.length > sourceLimits.evidenceNote) throw new DomainError('src.errors.tooLong', 'note');
	const page = input.sourceKind === 'document' ? (input.page ?? null) : null;
	if (page !== null && !(Number.isSafeInteger(page) && page >= 1)) {
		throw new DomainError('errors.invalid', 'page');
	}
	const subareaIds = await checkSubareas(trx, evaluationId, input.subareaIds);

	const sourceId = {
		interview: input.interviewId,
		web: input.webObservationId,
		document: input.documentId
	}[input.sourceKind];
	const table = sourceTables[input.sourceKind];
	if (!sourceId || !(await isOwned(trx, table, sourceId, evaluationId))) {
		throw new DomainError('src.errors.sourceRequired', 'source');
	}
	if (input.sourceKind === 'interview') {
		const { notes } = await trx
			.selectFrom('interview')
			.select('notes')
			.where('id', '=', sourceId)
			.executeTakeFirstOrThrow();
		if (!isExcerptOf(quote, notes)) throw new DomainError('src.errors.notInNotes', 'quote');
	}

	const id = await insertOwned(
		trx,
		actor,
		evaluationId,
		'evidence',
		{
			source_kind: input.sourceKind,
			interview_id: input.sourceKind === 'interview' ? sourceId : null,
			web_observation_id: input.sourceKind === 'web' ? sourceId : null,
			document_id: input.sourceKind === 'document' ? sourceId : null,
			page,
			quote,
			note,
			created_by: actor.id
		},
		{ sourceKind: input.sourceKind, sourceId, page, quote, note, subareaIds }
	);
	await linkSubareas(trx, id, subareaIds);
	return id;
}

/**
 * Changes an evidence item's comment and subareas (the quote stays the exact excerpt it was).
 * Version-checked: a stale save throws StaleWriteError with the saved `note`, `subareaIds` and
 * `row_version`. Returns the new version.
 */
export async function updateEvidence(
	db: Database,
	actor: Actor,
	evaluationId: number,
	evidenceId: number,
	input: { note: string; subareaIds: string[] },
	expectedVersion: number
): Promise<number> {
	const note = input.note.trim();
	if (note.length > sourceLimits.evidenceNote) throw new DomainError('src.errors.tooLong', 'note');
	return db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'evidence', evidenceId, evaluationId);
		const subareaIds = await checkSubareas(trx, evaluationId, input.subareaIds);
		const linked = async () =>
			(
				await trx
					.selectFrom('evidence_subarea')
					.select('subarea_id')
					.where('evidence_id', '=', evidenceId)
					.execute()
			)
				.map((r) => r.subarea_id)
				.sort(bySubareaId);
		let saved: { version: number; before: Record<string, unknown> | null };
		try {
			saved = await saveVersioned(trx, 'evidence', { id: evidenceId }, { note }, expectedVersion);
		} catch (e) {
			if (e instanceof StaleWriteError && e.current) {
				throw new StaleWriteError({
					note: e.current.note,
					row_version: e.current.row_version,
					subareaIds: await linked()
				});
			}
			throw e;
		}
		const beforeSubareas = await linked();
		await linkSubareas(trx, evidenceId, subareaIds);
		await recordAudit(trx, {
			actor,
			entity: 'evidence',
			entityId: evidenceId,
			evaluationId,
			action: 'update',
			before: { note: saved.before?.note, subareaIds: beforeSubareas },
			after: { note, subareaIds }
		});
		return saved.version;
	});
}

/** Deletes an evidence item, its subarea links and the findings' citations of it (undoably). */
export async function deleteEvidence(
	db: Database,
	actor: Actor,
	evaluationId: number,
	evidenceId: number
): Promise<number> {
	return deleteOwned(db, actor, evaluationId, 'evidence', evidenceId, {
		dependents: async (trx) => ({
			evidence_subarea: await trx
				.selectFrom('evidence_subarea')
				.selectAll()
				.where('evidence_id', '=', evidenceId)
				.execute(),
			finding_evidence: await trx
				.selectFrom('finding_evidence')
				.selectAll()
				.where('evidence_id', '=', evidenceId)
				.execute()
		}),
		audited: (row, { finding_evidence: cites }) => ({
			source_kind: row.source_kind,
			quote: row.quote,
			note: row.note,
			page: row.page,
			citedBy: cites.map((c) => `${c.finding_kind}:${c.finding_key}`)
		})
	});
}

/**
 * Evidence items of an evaluation, optionally only those linked to one subarea, oldest first.
 * Safe for every reader of the draft: an interview is named by date and group, never by its
 * notes or interviewees.
 */
export async function listEvidence(
	db: Database,
	evaluationId: number,
	subareaId?: string
): Promise<EvidenceView[]> {
	let query = db
		.selectFrom('evidence as e')
		.leftJoin('interview as i', 'i.id', 'e.interview_id')
		.leftJoin('web_observation as w', 'w.id', 'e.web_observation_id')
		.leftJoin('source_document as d', 'd.id', 'e.document_id')
		.leftJoin('app_user as u', 'u.id', 'e.created_by')
		.select((eb) => [
			'e.id',
			'e.source_kind as sourceKind',
			'e.interview_id as interviewId',
			'e.web_observation_id as webObservationId',
			'e.document_id as documentId',
			'e.page',
			'e.quote',
			'e.note',
			'e.row_version as rowVersion',
			'e.created_at as createdAt',
			'i.held_on as interviewHeldOn',
			'i.group_kind as interviewGroup',
			'w.url as webUrl',
			'w.seen_on as webSeenOn',
			'd.title as documentTitle',
			'u.name as userName',
			'u.email as userEmail',
			eb
				.selectFrom('finding_evidence as f')
				.select((f) => f.fn.countAll<number>().as('n'))
				.whereRef('f.evidence_id', '=', 'e.id')
				.as('citedBy')
		])
		.where('e.evaluation_id', '=', evaluationId)
		.orderBy('e.id');
	if (subareaId !== undefined) {
		query = query.where(({ exists, selectFrom }) =>
			exists(
				selectFrom('evidence_subarea as es')
					.select('es.evidence_id')
					.whereRef('es.evidence_id', '=', 'e.id')
					.where('es.subarea_id', '=', subareaId)
			)
		);
	}
	const rows = await query.execute();
	const ids = rows.map((r) => r.id);
	const links = ids.length
		? await db
				.selectFrom('evidence_subarea')
				.select(['evidence_id', 'subarea_id'])
				.where('evidence_id', 'in', ids)
				.execute()
		: [];
	const subareasOf = new Map<number, string[]>();
	for (const l of links)
		subareasOf.set(l.evidence_id, [...(subareasOf.get(l.evidence_id) ?? []), l.subarea_id]);
	return rows.map((r) => ({
		id: r.id,
		sourceKind: r.sourceKind,
		interview:
			r.interviewId !== null
				? { id: r.interviewId, heldOn: r.interviewHeldOn!, group: r.interviewGroup! }
				: null,
		web:
			r.webObservationId !== null
				? { id: r.webObservationId, url: r.webUrl!, seenOn: r.webSeenOn! }
				: null,
		document: r.documentId !== null ? { id: r.documentId, title: r.documentTitle ?? '' } : null,
		documentId: r.documentId,
		page: r.page,
		quote: r.quote,
		note: r.note,
		subareaIds: (subareasOf.get(r.id) ?? []).sort(bySubareaId),
		rowVersion: r.rowVersion,
		createdBy: r.userName || r.userEmail || null,
		createdAt: r.createdAt,
		citedBy: Number(r.citedBy ?? 0)
	}));
}

// ---------------------------------------------------------------------------------------------
// Findings citing evidence

/** Lets a finding cite an evidence item of the same evaluation; citing twice is a no-op. */
export const citeEvidence = citationChange('create');

/** Removes a finding's citation of an evidence item (the item itself stays). */
export const removeCitation = citationChange('delete');

function citationChange(action: 'create' | 'delete') {
	return async (
		db: Database,
		actor: Actor,
		evaluationId: number,
		ref: FindingRef,
		evidenceId: number
	): Promise<void> => {
		await changeCitation(db, actor, evaluationId, ref, evidenceId, action);
	};
}

async function changeCitation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	ref: FindingRef,
	evidenceId: number,
	action: 'create' | 'delete'
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await ensureFinding(trx, evaluationId, ref);
		await ensureOwned(trx, 'evidence', evidenceId, evaluationId);
		const key = findingKeyValue(ref);
		const changed =
			action === 'create'
				? await trx
						.insertInto('finding_evidence')
						.values({ finding_kind: ref.kind, finding_key: key, evidence_id: evidenceId })
						.onConflict((oc) => oc.doNothing())
						.returning('evidence_id')
						.executeTakeFirst()
				: await trx
						.deleteFrom('finding_evidence')
						.where('finding_kind', '=', ref.kind)
						.where('finding_key', '=', key)
						.where('evidence_id', '=', evidenceId)
						.returning('evidence_id')
						.executeTakeFirst();
		// Citing twice, or removing a citation that is not there, changes nothing: no audit row.
		if (!changed) return;
		const cited = { finding: findingKey(ref), evidenceId };
		await recordAudit(trx, {
			actor,
			entity: 'finding_evidence',
			entityId: `${findingKey(ref)}:${evidenceId}`,
			evaluationId,
			action,
			...(action === 'create' ? { after: cited } : { before: cited })
		});
	});
}

/** Finding key ('strength:12', 'narrative:1.3', …) → ids of the evidence items it cites. */
export async function listFindingCitations(
	db: Database,
	evaluationId: number
): Promise<Record<string, number[]>> {
	const rows = await db
		.selectFrom('finding_evidence as f')
		.innerJoin('evidence as e', 'e.id', 'f.evidence_id')
		.select(['f.finding_kind', 'f.finding_key', 'f.evidence_id'])
		.where('e.evaluation_id', '=', evaluationId)
		.orderBy('f.evidence_id')
		.execute();
	const map: Record<string, number[]> = {};
	for (const r of rows) (map[`${r.finding_kind}:${r.finding_key}`] ??= []).push(r.evidence_id);
	return map;
}
