/**
 * Interviews, web observations, the municipality's written answers and evidence items. Interview
 * notes and names are returned only by functions whose callers check `interview.readNotes`.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { recordAudit, type Actor } from '../audit';
import { DomainError, saveVersioned } from './versioned';
import type { InterviewGroup } from '$lib/domain/evaluation-content';

export interface InterviewInput {
	heldOn: string;
	group: InterviewGroup;
	peopleCount: number;
	interviewer: string;
	intervieweeNames: string;
	notes: string;
}

/** Team only: with notes and names. */
export async function listInterviewsWithNotes(db: Database, evaluationId: number) {
	return db
		.selectFrom('interview')
		.select(['id', 'held_on as heldOn', 'group_kind as group', 'people_count as peopleCount', 'interviewer', 'interviewee_names as intervieweeNames', 'notes', 'row_version as rowVersion'])
		.where('evaluation_id', '=', evaluationId)
		.orderBy('held_on')
		.orderBy('id')
		.execute();
}

export async function saveInterview(db: Database, actor: Actor, evaluationId: number, id: number | null, input: InterviewInput, expectedVersion: number) {
	return db.transaction().execute(async (trx) => {
		const values = { held_on: input.heldOn, group_kind: input.group, people_count: input.peopleCount, interviewer: input.interviewer, interviewee_names: input.intervieweeNames, notes: input.notes };
		if (id === null) {
			const row = await trx.insertInto('interview').values({ evaluation_id: evaluationId, ...values }).returning('id').executeTakeFirstOrThrow();
			// Notes and names are not copied into the audit trail: they never leave the team.
			await recordAudit(trx, { actor, entity: 'interview', entityId: row.id, evaluationId, action: 'create', after: { heldOn: input.heldOn, group: input.group, peopleCount: input.peopleCount } });
			return row.id;
		}
		await ensureOwned(trx, 'interview', id, evaluationId);
		await saveVersioned(trx, 'interview', { id }, values, expectedVersion);
		await recordAudit(trx, { actor, entity: 'interview', entityId: id, evaluationId, action: 'update', after: { heldOn: input.heldOn, group: input.group, peopleCount: input.peopleCount } });
		return id;
	});
}

export async function deleteInterview(db: Database, actor: Actor, evaluationId: number, id: number) {
	await db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'interview', id, evaluationId);
		const cited = await trx.selectFrom('evidence').select('id').where('interview_id', '=', id).executeTakeFirst();
		if (cited) throw new DomainError('src.errors.cited', '_form', 409);
		await trx.deleteFrom('interview').where('id', '=', id).execute();
		await recordAudit(trx, { actor, entity: 'interview', entityId: id, evaluationId, action: 'delete' });
	});
}

async function ensureOwned(trx: Transaction<DB>, table: 'interview' | 'web_observation' | 'evidence', id: number, evaluationId: number) {
	const row = await trx.selectFrom(table).select('evaluation_id').where('id', '=', id).executeTakeFirst();
	if (!row || row.evaluation_id !== evaluationId) throw new DomainError('errors.notFound', '_form', 404);
}

export async function listWebObservations(db: Database, evaluationId: number) {
	return db.selectFrom('web_observation').select(['id', 'url', 'seen_on as seenOn', 'note', 'row_version as rowVersion']).where('evaluation_id', '=', evaluationId).orderBy('seen_on').orderBy('id').execute();
}

export async function createWebObservation(db: Database, actor: Actor, evaluationId: number, input: { url: string; seenOn: string; note: string }) {
	return db.transaction().execute(async (trx) => {
		const row = await trx.insertInto('web_observation').values({ evaluation_id: evaluationId, url: input.url, seen_on: input.seenOn, note: input.note }).returning('id').executeTakeFirstOrThrow();
		await recordAudit(trx, { actor, entity: 'web_observation', entityId: row.id, evaluationId, action: 'create', after: input });
		return row.id;
	});
}

/** The municipality's written answers, subarea id → answer. */
export async function listWrittenAnswers(db: Database, evaluationId: number) {
	const rows = await db.selectFrom('written_answer').select(['subarea_id as subareaId', 'answer', 'row_version as rowVersion', 'updated_at as updatedAt']).where('evaluation_id', '=', evaluationId).execute();
	return Object.fromEntries(rows.map((r) => [r.subareaId, r]));
}

export async function saveWrittenAnswer(db: Database, actor: Actor & { id: number }, evaluationId: number, subareaId: string, answer: string, expectedVersion: number) {
	return db.transaction().execute(async (trx) => {
		const { version, before } = await saveVersioned(trx, 'written_answer', { evaluation_id: evaluationId, subarea_id: subareaId }, { answer, updated_by: actor.id, updated_at: new Date() }, expectedVersion);
		await recordAudit(trx, { actor, entity: 'written_answer', entityId: `${evaluationId}:${subareaId}`, evaluationId, action: before ? 'update' : 'create', before: before?.answer, after: answer });
		return version;
	});
}

export interface NewEvidence {
	sourceKind: 'interview' | 'document' | 'web';
	interviewId?: number | null;
	webObservationId?: number | null;
	documentId?: number | null;
	page?: number | null;
	quote: string;
	note?: string;
	subareaIds: string[];
}

/** Creates an evidence item from one source, linked to one or more subareas. */
export async function createEvidence(trx: Transaction<DB>, actor: Actor & { id: number | null }, evaluationId: number, input: NewEvidence): Promise<number> {
	if (!input.quote.trim()) throw new DomainError('src.errors.quoteRequired', 'quote');
	if (!input.subareaIds.length) throw new DomainError('src.errors.subareaRequired', 'subareaIds');
	const sourceTable = input.sourceKind === 'interview' ? 'interview' : input.sourceKind === 'web' ? 'web_observation' : 'source_document';
	const sourceId = input.sourceKind === 'interview' ? input.interviewId : input.sourceKind === 'web' ? input.webObservationId : input.documentId;
	const source = sourceId ? await trx.selectFrom(sourceTable).select('evaluation_id').where('id', '=', sourceId).executeTakeFirst() : undefined;
	if (!source || source.evaluation_id !== evaluationId) throw new DomainError('src.errors.sourceRequired', 'source');
	const row = await trx
		.insertInto('evidence')
		.values({
			evaluation_id: evaluationId,
			source_kind: input.sourceKind,
			interview_id: input.sourceKind === 'interview' ? sourceId! : null,
			web_observation_id: input.sourceKind === 'web' ? sourceId! : null,
			document_id: input.sourceKind === 'document' ? sourceId! : null,
			page: input.page ?? null,
			quote: input.quote.trim(),
			note: input.note ?? '',
			created_by: actor.id
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx.insertInto('evidence_subarea').values([...new Set(input.subareaIds)].map((subarea_id) => ({ evidence_id: row.id, subarea_id }))).execute();
	await recordAudit(trx, { actor, entity: 'evidence', entityId: row.id, evaluationId, action: 'create', after: { ...input } });
	return row.id;
}

export interface EvidenceView {
	id: number;
	sourceKind: 'interview' | 'document' | 'web';
	sourceLabel: string;
	documentId: number | null;
	page: number | null;
	quote: string;
	note: string;
	subareaIds: string[];
}

/** Evidence items of an evaluation (optionally of one subarea) with a readable source label. */
export async function listEvidence(db: Database, evaluationId: number, subareaId?: string): Promise<EvidenceView[]> {
	let query = db
		.selectFrom('evidence as e')
		.leftJoin('interview as i', 'i.id', 'e.interview_id')
		.leftJoin('web_observation as w', 'w.id', 'e.web_observation_id')
		.leftJoin('source_document as d', 'd.id', 'e.document_id')
		.select(['e.id', 'e.source_kind as sourceKind', 'e.document_id as documentId', 'e.page', 'e.quote', 'e.note', 'i.held_on as interviewDate', 'i.group_kind as interviewGroup', 'w.url', 'd.title as documentTitle'])
		.where('e.evaluation_id', '=', evaluationId)
		.orderBy('e.id');
	if (subareaId) query = query.where('e.id', 'in', db.selectFrom('evidence_subarea').select('evidence_id').where('subarea_id', '=', subareaId));
	const rows = await query.execute();
	const links = rows.length ? await db.selectFrom('evidence_subarea').select(['evidence_id', 'subarea_id']).where('evidence_id', 'in', rows.map((r) => r.id)).execute() : [];
	return rows.map((r) => ({
		id: r.id,
		sourceKind: r.sourceKind,
		sourceLabel: r.sourceKind === 'interview' ? `${r.interviewGroup} ${r.interviewDate}` : r.sourceKind === 'web' ? (r.url ?? '') : `${r.documentTitle ?? ''}${r.page ? `, s. ${r.page}` : ''}`,
		documentId: r.documentId,
		page: r.page,
		quote: r.quote,
		note: r.note,
		subareaIds: links.filter((l) => l.evidence_id === r.id).map((l) => l.subarea_id).sort()
	}));
}

export async function deleteEvidence(db: Database, actor: Actor, evaluationId: number, id: number) {
	await db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'evidence', id, evaluationId);
		await trx.deleteFrom('evidence').where('id', '=', id).execute();
		await recordAudit(trx, { actor, entity: 'evidence', entityId: id, evaluationId, action: 'delete' });
	});
}

export type FindingKind = 'strength' | 'improvement' | 'narrative' | 'recommendation' | 'general';

/** A finding cites an evidence item of the same evaluation. */
export async function citeEvidence(db: Database, actor: Actor, evaluationId: number, kind: FindingKind, key: string, evidenceId: number) {
	await db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'evidence', evidenceId, evaluationId);
		if (kind === 'strength' || kind === 'improvement' || kind === 'recommendation') {
			const finding = await trx.selectFrom(kind).select('evaluation_id').where('id', '=', Number(key) || 0).executeTakeFirst();
			if (!finding || finding.evaluation_id !== evaluationId) throw new DomainError('errors.notFound', '_form', 404);
		}
		await trx.insertInto('finding_evidence').values({ finding_kind: kind, finding_key: key, evidence_id: evidenceId }).onConflict((oc) => oc.doNothing()).execute();
		await recordAudit(trx, { actor, entity: 'finding_evidence', entityId: `${kind}:${key}:${evidenceId}`, evaluationId, action: 'create' });
	});
}

/** Citations of an evaluation's findings: "kind:key" → evidence ids. */
export async function listFindingCitations(db: Database, evaluationId: number): Promise<Record<string, number[]>> {
	const rows = await db
		.selectFrom('finding_evidence as f')
		.innerJoin('evidence as e', 'e.id', 'f.evidence_id')
		.select(['f.finding_kind', 'f.finding_key', 'f.evidence_id'])
		.where('e.evaluation_id', '=', evaluationId)
		.execute();
	const out: Record<string, number[]> = {};
	for (const r of rows) (out[`${r.finding_kind}:${r.finding_key}`] ??= []).push(r.evidence_id);
	return out;
}
