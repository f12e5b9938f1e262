/**
 * An evaluation's sources besides documents — interviews, web observations, the municipality's
 * written answers — and evidence items: excerpts of one source linked to subareas and cited by
 * findings. Every write is one transaction with its audit row; every edit is version-checked.
 *
 * Interview notes and interviewee names never leave the team. Only the functions named
 * `…WithNotes` return them, and their callers check `interview.readNotes`; everything else
 * (counts, evidence, the subarea view) is safe for coordinators. The audit trail, which
 * coordinators read, never receives notes or names either.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { keepForUndo } from './deleted-items';
import { recordAudit, type Actor } from '../audit';
import { DomainError, saveVersioned, StaleWriteError } from './versioned';
import { getRubricOrThrow } from './rubrics';
import { interviewGroups, type InterviewGroup } from '$lib/domain/evaluation-content';
import { findSubarea, listSubareas, type Rubric } from '$lib/domain/rubric';
import {
	answerTargetsOf,
	shownAnswerTargets,
	findingKey,
	findingKeyValue,
	isExcerptOf,
	sourceLimits,
	type AnswerTarget,
	type EvidenceSourceKind,
	type EvidenceView,
	type FindingRef,
	type InterviewCount,
	type SubareaSources
} from '$lib/domain/sources';

export type {
	EvidenceSourceKind,
	EvidenceView,
	SubareaAnswer,
	SubareaSources
} from '$lib/domain/sources';

type Executor = Kysely<DB> | Transaction<DB>;

async function loadEvaluationRubric(db: Executor, evaluationId: number): Promise<Rubric> {
	const row = await db
		.selectFrom('evaluation')
		.select('rubric_id')
		.where('id', '=', evaluationId)
		.executeTakeFirst();
	if (!row) throw new DomainError('errors.notFound', '_form', 404);
	return getRubricOrThrow(db, row.rubric_id);
}

/** Refuses ids of another evaluation as if they did not exist. */
async function ensureOwned(
	trx: Transaction<DB>,
	table: 'interview' | 'web_observation' | 'evidence',
	id: number,
	evaluationId: number
) {
	const row = Number.isSafeInteger(id)
		? await trx.selectFrom(table).select('evaluation_id').where('id', '=', id).executeTakeFirst()
		: undefined;
	if (!row || row.evaluation_id !== evaluationId) {
		throw new DomainError('errors.notFound', '_form', 404);
	}
}

// ---------------------------------------------------------------------------------------------
// Interviews

export interface InterviewInput {
	/** 'YYYY-MM-DD' */
	heldOn: string;
	group: InterviewGroup;
	peopleCount: number;
	interviewer: string;
	/** Optional; never leaves the team. */
	intervieweeNames: string;
	/** Never leaves the team. */
	notes: string;
}

/** An interview as the team sees it: with notes, names and how many evidence items quote it. */
export interface InterviewWithNotes extends InterviewInput {
	id: number;
	rowVersion: number;
	evidenceCount: number;
}

/** Team only (`interview.readNotes`): every interview with notes and names, oldest first. */
export async function listInterviewsWithNotes(
	db: Database,
	evaluationId: number
): Promise<InterviewWithNotes[]> {
	return db
		.selectFrom('interview as i')
		.select((eb) => [
			'i.id',
			'i.held_on as heldOn',
			'i.group_kind as group',
			'i.people_count as peopleCount',
			'i.interviewer',
			'i.interviewee_names as intervieweeNames',
			'i.notes',
			'i.row_version as rowVersion',
			eb
				.selectFrom('evidence as e')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('e.interview_id', '=', 'i.id')
				.as('evidenceCount')
		])
		.where('i.evaluation_id', '=', evaluationId)
		.orderBy('i.held_on')
		.orderBy('i.id')
		.execute()
		.then((rows) => rows.map((r) => ({ ...r, evidenceCount: Number(r.evidenceCount ?? 0) })));
}

/** Team only (`interview.readNotes`): one interview with notes and names. */
export async function findInterviewWithNotes(
	db: Database,
	evaluationId: number,
	interviewId: number
): Promise<InterviewWithNotes | undefined> {
	if (!Number.isSafeInteger(interviewId)) return undefined;
	const all = await listInterviewsWithNotes(db, evaluationId);
	return all.find((i) => i.id === interviewId);
}

/**
 * Interviews and people per group, in the report's group order; groups without interviews are
 * left out. Counts only — safe for anyone who may read the draft, and what
 * `EvaluationContent.method.interviews` and the report show.
 */
export async function countInterviewsByGroup(
	db: Executor,
	evaluationId: number
): Promise<InterviewCount[]> {
	const rows = await db
		.selectFrom('interview')
		.select((eb) => [
			'group_kind',
			eb.fn.countAll<number>().as('interviews'),
			eb.fn.sum<number>('people_count').as('people')
		])
		.where('evaluation_id', '=', evaluationId)
		.groupBy('group_kind')
		.execute();
	const byGroup = new Map(rows.map((r) => [r.group_kind, r]));
	return interviewGroups
		.filter((g) => byGroup.has(g))
		.map((g) => ({
			group: g,
			interviews: Number(byGroup.get(g)!.interviews),
			people: Number(byGroup.get(g)!.people)
		}));
}

/** What the audit trail may say about an interview: never its notes or names. */
const auditedInterview = (i: InterviewInput) => ({
	heldOn: i.heldOn,
	group: i.group,
	peopleCount: i.peopleCount
});

/** Records a new interview; returns its id. */
export async function createInterview(
	db: Database,
	actor: Actor,
	evaluationId: number,
	input: InterviewInput
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('interview')
			.values({
				evaluation_id: evaluationId,
				held_on: input.heldOn,
				group_kind: input.group,
				people_count: input.peopleCount,
				interviewer: input.interviewer,
				interviewee_names: input.intervieweeNames,
				notes: input.notes
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'interview',
			entityId: row.id,
			evaluationId,
			action: 'create',
			after: auditedInterview(input)
		});
		return row.id;
	});
}

/**
 * Updates an interview if nobody saved it since `expectedVersion`; returns the new version.
 * A stale save throws StaleWriteError carrying the saved notes (the caller is on the team).
 */
export async function updateInterview(
	db: Database,
	actor: Actor,
	evaluationId: number,
	interviewId: number,
	input: InterviewInput,
	expectedVersion: number
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'interview', interviewId, evaluationId);
		const { version, before } = await saveVersioned(
			trx,
			'interview',
			{ id: interviewId },
			{
				held_on: input.heldOn,
				group_kind: input.group,
				people_count: input.peopleCount,
				interviewer: input.interviewer,
				interviewee_names: input.intervieweeNames,
				notes: input.notes
			},
			expectedVersion
		);
		await recordAudit(trx, {
			actor,
			entity: 'interview',
			entityId: interviewId,
			evaluationId,
			action: 'update',
			before: before
				? { heldOn: before.held_on, group: before.group_kind, peopleCount: before.people_count }
				: undefined,
			after: auditedInterview(input)
		});
		return version;
	});
}

/** Creates (id null) or updates an interview; returns its id. */
export async function saveInterview(
	db: Database,
	actor: Actor,
	evaluationId: number,
	interviewId: number | null,
	input: InterviewInput,
	expectedVersion: number
): Promise<number> {
	if (interviewId === null) return createInterview(db, actor, evaluationId, input);
	await updateInterview(db, actor, evaluationId, interviewId, input, expectedVersion);
	return interviewId;
}

/** Deletes an interview (undoably: returns the id that undoes it); refused while an evidence item quotes it. */
export async function deleteInterview(
	db: Database,
	actor: Actor,
	evaluationId: number,
	interviewId: number
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'interview', interviewId, evaluationId);
		const cited = await trx
			.selectFrom('evidence')
			.select('id')
			.where('interview_id', '=', interviewId)
			.executeTakeFirst();
		if (cited) throw new DomainError('src.errors.cited', '_form', 409);
		const row = await trx
			.selectFrom('interview')
			.selectAll()
			.where('id', '=', interviewId)
			.executeTakeFirstOrThrow();
		const undoId = await keepForUndo(trx, actor, {
			evaluationId,
			entity: 'interview',
			entityId: interviewId,
			rows: { interview: [row] }
		});
		const before = await trx
			.deleteFrom('interview')
			.where('id', '=', interviewId)
			.returning(['held_on', 'group_kind', 'people_count'])
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'interview',
			entityId: interviewId,
			evaluationId,
			action: 'delete',
			before: { heldOn: before.held_on, group: before.group_kind, peopleCount: before.people_count }
		});
		return undoId;
	});
}

// ---------------------------------------------------------------------------------------------
// Web observations

export interface WebObservationInput {
	url: string;
	/** 'YYYY-MM-DD' */
	seenOn: string;
	note: string;
}

export interface WebObservationView extends WebObservationInput {
	id: number;
	rowVersion: number;
	evidenceCount: number;
}

/** The evaluation's observations of the website and social media, oldest first. */
export async function listWebObservations(
	db: Database,
	evaluationId: number
): Promise<WebObservationView[]> {
	return db
		.selectFrom('web_observation as w')
		.select((eb) => [
			'w.id',
			'w.url',
			'w.seen_on as seenOn',
			'w.note',
			'w.row_version as rowVersion',
			eb
				.selectFrom('evidence as e')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('e.web_observation_id', '=', 'w.id')
				.as('evidenceCount')
		])
		.where('w.evaluation_id', '=', evaluationId)
		.orderBy('w.seen_on')
		.orderBy('w.id')
		.execute()
		.then((rows) => rows.map((r) => ({ ...r, evidenceCount: Number(r.evidenceCount ?? 0) })));
}

/** Records an observation; returns its id. */
export async function createWebObservation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	input: WebObservationInput
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('web_observation')
			.values({
				evaluation_id: evaluationId,
				url: input.url,
				seen_on: input.seenOn,
				note: input.note
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'web_observation',
			entityId: row.id,
			evaluationId,
			action: 'create',
			after: input
		});
		return row.id;
	});
}

/** Updates an observation (version-checked); returns the new version. */
export async function updateWebObservation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	observationId: number,
	input: WebObservationInput,
	expectedVersion: number
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'web_observation', observationId, evaluationId);
		const { version, before } = await saveVersioned(
			trx,
			'web_observation',
			{ id: observationId },
			{ url: input.url, seen_on: input.seenOn, note: input.note },
			expectedVersion
		);
		await recordAudit(trx, {
			actor,
			entity: 'web_observation',
			entityId: observationId,
			evaluationId,
			action: 'update',
			before: before ? { url: before.url, seenOn: before.seen_on, note: before.note } : undefined,
			after: input
		});
		return version;
	});
}

/** Deletes an observation (undoably); refused while an evidence item quotes it. */
export async function deleteWebObservation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	observationId: number
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'web_observation', observationId, evaluationId);
		const cited = await trx
			.selectFrom('evidence')
			.select('id')
			.where('web_observation_id', '=', observationId)
			.executeTakeFirst();
		if (cited) throw new DomainError('src.errors.cited', '_form', 409);
		const row = await trx
			.selectFrom('web_observation')
			.selectAll()
			.where('id', '=', observationId)
			.executeTakeFirstOrThrow();
		const undoId = await keepForUndo(trx, actor, {
			evaluationId,
			entity: 'web_observation',
			entityId: observationId,
			rows: { web_observation: [row] }
		});
		const before = await trx
			.deleteFrom('web_observation')
			.where('id', '=', observationId)
			.returning(['url', 'seen_on', 'note'])
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'web_observation',
			entityId: observationId,
			evaluationId,
			action: 'delete',
			before: { url: before.url, seenOn: before.seen_on, note: before.note }
		});
		return undoId;
	});
}

// ---------------------------------------------------------------------------------------------
// Written answers

export interface WrittenAnswerView extends AnswerTarget {
	answer: string;
	rowVersion: number;
	updatedAt: Date;
	/** Who saved it last (name, else e-mail); null for imported answers. */
	updatedBy: string | null;
}

function writtenAnswerQuery(db: Executor, evaluationId: number) {
	return db
		.selectFrom('written_answer as a')
		.leftJoin('app_user as u', 'u.id', 'a.updated_by')
		.select([
			'a.subarea_id as subareaId',
			'a.question_id as questionId',
			'a.answer',
			'a.row_version as rowVersion',
			'a.updated_at as updatedAt',
			'u.name as userName',
			'u.email as userEmail'
		])
		.where('a.evaluation_id', '=', evaluationId);
}

type WrittenAnswerRow = {
	subareaId: string;
	questionId: string;
	answer: string;
	rowVersion: number;
	updatedAt: Date;
	userName: string | null;
	userEmail: string | null;
};

const toAnswerView = (r: WrittenAnswerRow): WrittenAnswerView => ({
	subareaId: r.subareaId,
	questionId: r.questionId || null,
	answer: r.answer,
	rowVersion: r.rowVersion,
	updatedAt: r.updatedAt,
	updatedBy: r.userName || r.userEmail || null
});

/** Every written answer of the evaluation (for `writtenAnswer.read`), in no particular order. */
export async function listWrittenAnswers(
	db: Database,
	evaluationId: number
): Promise<WrittenAnswerView[]> {
	const rows = await writtenAnswerQuery(db, evaluationId).execute();
	return rows.map(toAnswerView);
}

/** The answer to one subarea (questionId null) or one of its questions, if written. */
export async function findWrittenAnswer(
	db: Database,
	evaluationId: number,
	subareaId: string,
	questionId: string | null = null
): Promise<WrittenAnswerView | undefined> {
	const row = await writtenAnswerQuery(db, evaluationId)
		.where('a.subarea_id', '=', subareaId)
		.where('a.question_id', '=', questionId ?? '')
		.executeTakeFirst();
	return row ? toAnswerView(row) : undefined;
}

/**
 * Saves the municipality's answer to a subarea, or to one question where the subarea has
 * questions (the rubric decides which; anything else is refused). Version-checked: a stale save
 * throws StaleWriteError whose `current` holds the saved `answer`, its `row_version` and who
 * saved it (`updated_by_name`). Returns the new version.
 */
export async function saveWrittenAnswer(
	db: Database,
	actor: Actor,
	evaluationId: number,
	target: AnswerTarget,
	answer: string,
	expectedVersion: number
): Promise<number> {
	if (answer.length > sourceLimits.answer) throw new DomainError('src.errors.tooLong', 'answer');
	return db.transaction().execute(async (trx) => {
		const rubric = await loadEvaluationRubric(trx, evaluationId);
		const subarea = findSubarea(rubric, target.subareaId);
		const valid =
			subarea && answerTargetsOf(subarea).some((t) => t.questionId === (target.questionId ?? null));
		if (!valid) throw new DomainError('src.errors.unknownTarget', 'subareaId', 404);
		const key = {
			evaluation_id: evaluationId,
			subarea_id: target.subareaId,
			question_id: target.questionId ?? ''
		};
		try {
			const { version, before } = await saveVersioned(
				trx,
				'written_answer',
				key,
				{ answer, updated_by: actor.id, updated_at: new Date() },
				expectedVersion
			);
			await recordAudit(trx, {
				actor,
				entity: 'written_answer',
				entityId: `${evaluationId}:${target.questionId ?? target.subareaId}`,
				evaluationId,
				action: before ? 'update' : 'create',
				before: before?.answer,
				after: answer
			});
			return version;
		} catch (e) {
			if (e instanceof StaleWriteError && e.current) {
				const by = e.current.updated_by
					? await trx
							.selectFrom('app_user')
							.select(['name', 'email'])
							.where('id', '=', Number(e.current.updated_by))
							.executeTakeFirst()
					: undefined;
				throw new StaleWriteError({
					answer: e.current.answer,
					row_version: e.current.row_version,
					updated_at: e.current.updated_at,
					updated_by_name: by ? by.name || by.email : null
				});
			}
			throw e;
		}
	});
}

// ---------------------------------------------------------------------------------------------
// Evidence

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

function checkSubareas(rubric: Rubric, subareaIds: string[]): string[] {
	const unique = [...new Set(subareaIds)];
	if (unique.length === 0) throw new DomainError('src.errors.subareaRequired', 'subareaIds');
	const known = new Set(listSubareas(rubric).map((s) => s.id));
	if (unique.some((id) => !known.has(id))) {
		throw new DomainError('ws.errors.unknownSubarea', 'subareaIds');
	}
	return unique.sort((a, b) => a.localeCompare(b, 'sv', { numeric: true }));
}

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
	const subareaIds = checkSubareas(await loadEvaluationRubric(trx, evaluationId), input.subareaIds);

	const sourceId =
		input.sourceKind === 'interview'
			? input.interviewId
			: input.sourceKind === 'web'
				? input.webObservationId
				: input.documentId;
	if (!sourceId || !Number.isSafeInteger(sourceId)) {
		throw new DomainError('src.errors.sourceRequired', 'source');
	}
	if (input.sourceKind === 'interview') {
		const interview = await trx
			.selectFrom('interview')
			.select(['evaluation_id', 'notes'])
			.where('id', '=', sourceId)
			.executeTakeFirst();
		if (!interview || interview.evaluation_id !== evaluationId) {
			throw new DomainError('src.errors.sourceRequired', 'source');
		}
		if (!isExcerptOf(quote, interview.notes))
			throw new DomainError('src.errors.notInNotes', 'quote');
	} else {
		const table = input.sourceKind === 'web' ? 'web_observation' : 'source_document';
		const source = await trx
			.selectFrom(table)
			.select('evaluation_id')
			.where('id', '=', sourceId)
			.executeTakeFirst();
		if (!source || source.evaluation_id !== evaluationId) {
			throw new DomainError('src.errors.sourceRequired', 'source');
		}
	}

	const row = await trx
		.insertInto('evidence')
		.values({
			evaluation_id: evaluationId,
			source_kind: input.sourceKind,
			interview_id: input.sourceKind === 'interview' ? sourceId : null,
			web_observation_id: input.sourceKind === 'web' ? sourceId : null,
			document_id: input.sourceKind === 'document' ? sourceId : null,
			page,
			quote,
			note,
			created_by: actor.id
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await trx
		.insertInto('evidence_subarea')
		.values(subareaIds.map((subarea_id) => ({ evidence_id: row.id, subarea_id })))
		.execute();
	await recordAudit(trx, {
		actor,
		entity: 'evidence',
		entityId: row.id,
		evaluationId,
		action: 'create',
		after: { sourceKind: input.sourceKind, sourceId, page, quote, note, subareaIds }
	});
	return row.id;
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
		const subareaIds = checkSubareas(
			await loadEvaluationRubric(trx, evaluationId),
			input.subareaIds
		);
		const linked = async () =>
			(
				await trx
					.selectFrom('evidence_subarea')
					.select('subarea_id')
					.where('evidence_id', '=', evidenceId)
					.execute()
			)
				.map((r) => r.subarea_id)
				.sort((a, b) => a.localeCompare(b, 'sv', { numeric: true }));
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
		await trx.deleteFrom('evidence_subarea').where('evidence_id', '=', evidenceId).execute();
		await trx
			.insertInto('evidence_subarea')
			.values(subareaIds.map((subarea_id) => ({ evidence_id: evidenceId, subarea_id })))
			.execute();
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
	return db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'evidence', evidenceId, evaluationId);
		const citations = await trx
			.selectFrom('finding_evidence')
			.select(['finding_kind', 'finding_key'])
			.where('evidence_id', '=', evidenceId)
			.execute();
		const [row, links, cites] = await Promise.all([
			trx.selectFrom('evidence').selectAll().where('id', '=', evidenceId).executeTakeFirstOrThrow(),
			trx
				.selectFrom('evidence_subarea')
				.selectAll()
				.where('evidence_id', '=', evidenceId)
				.execute(),
			trx.selectFrom('finding_evidence').selectAll().where('evidence_id', '=', evidenceId).execute()
		]);
		const undoId = await keepForUndo(trx, actor, {
			evaluationId,
			entity: 'evidence',
			entityId: evidenceId,
			rows: { evidence: [row], evidence_subarea: links, finding_evidence: cites }
		});
		const before = await trx
			.deleteFrom('evidence')
			.where('id', '=', evidenceId)
			.returning(['source_kind', 'quote', 'note', 'page'])
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'evidence',
			entityId: evidenceId,
			evaluationId,
			action: 'delete',
			before: {
				...before,
				citedBy: citations.map((c) => `${c.finding_kind}:${c.finding_key}`)
			}
		});
		return undoId;
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
	const links = rows.length
		? await db
				.selectFrom('evidence_subarea')
				.select(['evidence_id', 'subarea_id'])
				.where(
					'evidence_id',
					'in',
					rows.map((r) => r.id)
				)
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
		subareaIds: (subareasOf.get(r.id) ?? []).sort((a, b) =>
			a.localeCompare(b, 'sv', { numeric: true })
		),
		rowVersion: r.rowVersion,
		createdBy: r.userName || r.userEmail || null,
		createdAt: r.createdAt,
		citedBy: Number(r.citedBy ?? 0)
	}));
}

/** The evidence items linked to one subarea (the scoring view's list). */
export async function listSubareaEvidence(
	db: Database,
	evaluationId: number,
	subareaId: string
): Promise<EvidenceView[]> {
	return listEvidence(db, evaluationId, subareaId);
}

// ---------------------------------------------------------------------------------------------
// The scoring view of one subarea

/**
 * The municipality's written answer(s) and the evidence items of one subarea, for its scoring
 * view. Contains no interview notes or names, so it may be shown to any reader of the draft.
 * Throws DomainError 404 for a subarea the evaluation's rubric does not have.
 */
export async function loadSubareaSources(
	db: Database,
	evaluationId: number,
	subareaId: string
): Promise<SubareaSources> {
	const rubric = await loadEvaluationRubric(db, evaluationId);
	const subarea = findSubarea(rubric, subareaId);
	if (!subarea) throw new DomainError('ws.errors.unknownSubarea', '_form', 404);
	const [written, evidence] = await Promise.all([
		writtenAnswerQuery(db, evaluationId).where('a.subarea_id', '=', subareaId).execute(),
		listEvidence(db, evaluationId, subareaId)
	]);
	const byQuestion = new Map(written.map((w) => [w.questionId, toAnswerView(w)]));
	return {
		subareaId,
		answers: shownAnswerTargets(subarea, Boolean(byQuestion.get('')?.answer.trim())).map((t) => {
			const a = byQuestion.get(t.questionId ?? '');
			return {
				...t,
				answer: a?.answer ?? null,
				updatedAt: a?.updatedAt ?? null,
				updatedBy: a?.updatedBy ?? null
			};
		}),
		evidence
	};
}

// ---------------------------------------------------------------------------------------------
// Findings citing evidence

async function ensureFinding(trx: Transaction<DB>, evaluationId: number, ref: FindingRef) {
	if (ref.kind === 'narrative' || ref.kind === 'general') {
		const rubric = await loadEvaluationRubric(trx, evaluationId);
		const known =
			ref.kind === 'narrative'
				? Boolean(findSubarea(rubric, ref.subareaId))
				: rubric.areas.some((a) => a.id === ref.areaId);
		if (!known) throw new DomainError('src.errors.unknownFinding', '_form', 404);
		return;
	}
	const row = Number.isSafeInteger(ref.id)
		? await trx
				.selectFrom(ref.kind)
				.select('evaluation_id')
				.where('id', '=', ref.id)
				.executeTakeFirst()
		: undefined;
	if (!row || row.evaluation_id !== evaluationId) {
		throw new DomainError('src.errors.unknownFinding', '_form', 404);
	}
}

/** Lets a finding cite an evidence item of the same evaluation; citing twice is a no-op. */
export async function citeEvidence(
	db: Database,
	actor: Actor,
	evaluationId: number,
	ref: FindingRef,
	evidenceId: number
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await ensureFinding(trx, evaluationId, ref);
		await ensureOwned(trx, 'evidence', evidenceId, evaluationId);
		const inserted = await trx
			.insertInto('finding_evidence')
			.values({
				finding_kind: ref.kind,
				finding_key: findingKeyValue(ref),
				evidence_id: evidenceId
			})
			.onConflict((oc) => oc.doNothing())
			.returning('evidence_id')
			.executeTakeFirst();
		if (!inserted) return;
		await recordAudit(trx, {
			actor,
			entity: 'finding_evidence',
			entityId: `${findingKey(ref)}:${evidenceId}`,
			evaluationId,
			action: 'create',
			after: { finding: findingKey(ref), evidenceId }
		});
	});
}

/** Removes a finding's citation of an evidence item (the item itself stays). */
export async function removeCitation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	ref: FindingRef,
	evidenceId: number
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await ensureFinding(trx, evaluationId, ref);
		await ensureOwned(trx, 'evidence', evidenceId, evaluationId);
		const removed = await trx
			.deleteFrom('finding_evidence')
			.where('finding_kind', '=', ref.kind)
			.where('finding_key', '=', findingKeyValue(ref))
			.where('evidence_id', '=', evidenceId)
			.returning('evidence_id')
			.executeTakeFirst();
		if (!removed) return;
		await recordAudit(trx, {
			actor,
			entity: 'finding_evidence',
			entityId: `${findingKey(ref)}:${evidenceId}`,
			evaluationId,
			action: 'delete',
			before: { finding: findingKey(ref), evidenceId }
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
