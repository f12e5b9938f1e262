import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../db';
import { recordAudit, type Actor } from './audit';
import type { SessionUser } from '../auth/types';
import { DomainError } from '../errors';
import {
	blockers,
	gapsBefore,
	isBefore,
	isMove,
	stages,
	type EvaluationStatus,
	type Gap
} from '$lib/domain/lifecycle';
import { loadProgressFacts } from './progress';
import type { PlannedDates } from '$lib/domain/tasks';
import { svCollator } from '$lib/i18n';
import {
	carryOverDocuments,
	checkContact,
	checkDates,
	checkTeam,
	DuplicateEvaluationError
} from './evaluation-setup';

export interface NewEvaluation {
	municipalityCode: string;
	year: number;
	rubricId: string;
	teamUserIds: number[];
	contactUserId: number | null;
	visitStart: string | null;
	visitEnd: string | null;
	answersDue?: string | null;
	factCheckDue?: string | null;
	publicationPlanned?: string | null;
	previousEvaluationId?: number | null;
}

/**
 * Creates an evaluation in `planering` with its team; refuses a duplicate (naming the existing
 * one) or a bad team. A re-evaluation carries the previous evaluation's governing documents over.
 */
export async function createEvaluation(
	db: Database,
	actor: Actor,
	input: NewEvaluation
): Promise<number> {
	const dates = {
		answersDue: input.answersDue ?? null,
		visitStart: input.visitStart,
		visitEnd: input.visitEnd,
		factCheckDue: input.factCheckDue ?? null,
		publicationPlanned: input.publicationPlanned ?? null
	};
	checkDates(dates);
	return db.transaction().execute(async (trx) => {
		const duplicate = await trx
			.selectFrom('evaluation')
			.select('id')
			.where('municipality_code', '=', input.municipalityCode)
			.where('year', '=', input.year)
			.where('rubric_id', '=', input.rubricId)
			.executeTakeFirst();
		if (duplicate) throw new DuplicateEvaluationError(duplicate.id);
		if (input.previousEvaluationId) {
			const previous = await trx
				.selectFrom('evaluation')
				.select(['municipality_code', 'status', 'year'])
				.where('id', '=', input.previousEvaluationId)
				.executeTakeFirst();
			if (
				!previous ||
				previous.municipality_code !== input.municipalityCode ||
				previous.status !== 'publicerad' ||
				previous.year >= input.year
			) {
				throw new DomainError('ws.errors.previous', 'previousEvaluationId');
			}
		}
		await checkTeam(trx, input.teamUserIds);
		await checkContact(trx, input.contactUserId, input.municipalityCode);
		const { id } = await trx
			.insertInto('evaluation')
			.values({
				municipality_code: input.municipalityCode,
				year: input.year,
				rubric_id: input.rubricId,
				status: 'planering',
				origin: 'workspace',
				visit_start: dates.visitStart,
				visit_end: dates.visitEnd,
				answers_due: dates.answersDue,
				fact_check_due: dates.factCheckDue,
				publication_planned: dates.publicationPlanned,
				contact_user_id: input.contactUserId,
				previous_evaluation_id: input.previousEvaluationId ?? null,
				evaluated_at: input.visitStart ? input.visitStart.slice(0, 7) : null
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (input.teamUserIds.length) {
			await trx
				.insertInto('evaluation_member')
				.values(input.teamUserIds.map((user_id) => ({ evaluation_id: id, user_id })))
				.execute();
		}
		const carriedDocuments = input.previousEvaluationId
			? await carryOverDocuments(trx, input.previousEvaluationId, id)
			: 0;
		await recordAudit(trx, {
			actor,
			entity: 'evaluation',
			entityId: id,
			evaluationId: id,
			action: 'create',
			after: carriedDocuments ? { ...input, carriedDocuments } : input
		});
		return id;
	});
}

export interface EvaluationListItem {
	id: number;
	municipalityCode: string;
	municipalityName: string;
	year: number;
	rubricId: string;
	status: EvaluationStatus;
	origin: 'workspace' | 'import';
	/** The planned dates, to show what is late. */
	dates: PlannedDates;
}

/**
 * The workspace evaluations that are this user's to work with and that the policy lets them read
 * (`evaluation.read`), newest first. Theirs: all for the coordinator, the team's for an
 * evaluator, their municipality's for a contact. The read rule is the policy's, written as SQL
 * (one query instead of asking the policy row by row); tests/db/evaluation-list.test.ts holds the
 * two to the same answer.
 */
export async function listEvaluationsFor(
	db: Database,
	user: SessionUser
): Promise<EvaluationListItem[]> {
	return db
		.selectFrom('evaluation as e')
		.innerJoin('municipality as m', 'm.code', 'e.municipality_code')
		.select([
			'e.id',
			'e.municipality_code as municipalityCode',
			'm.name as municipalityName',
			'e.year',
			'e.rubric_id as rubricId',
			'e.status',
			'e.origin',
			'e.answers_due',
			'e.visit_start',
			'e.visit_end',
			'e.fact_check_due',
			'e.publication_planned'
		])
		.where('e.origin', '=', 'workspace')
		.where((eb) => {
			const published = eb('e.status', '=', 'publicerad');
			// Until the one-time password is replaced, only what is public.
			const signedIn = (rule: Expression<SqlBool>) => (user.mustChangePassword ? published : rule);
			switch (user.role) {
				case 'coordinator':
					return signedIn(sql<boolean>`true`);
				case 'evaluator':
					return eb.and([
						eb(
							'e.id',
							'in',
							eb
								.selectFrom('evaluation_member')
								.select('evaluation_id')
								.where('user_id', '=', user.id)
						),
						signedIn(sql<boolean>`true`)
					]);
				case 'municipality':
					return eb.and([
						eb('e.municipality_code', '=', user.municipalityCode ?? ''),
						signedIn(
							eb.or([
								published,
								// The designated contact (or any, if none is named) from collection on.
								eb.and([
									eb.or([
										eb('e.contact_user_id', 'is', null),
										eb('e.contact_user_id', '=', user.id)
									]),
									eb('e.status', 'in', stages.slice(stages.indexOf('insamling')))
								])
							])
						)
					]);
			}
		})
		.orderBy('e.year', 'desc')
		.orderBy('e.id', 'desc')
		.execute()
		.then((rows) =>
			rows.map(
				({ answers_due, visit_start, visit_end, fact_check_due, publication_planned, ...e }) => ({
					...e,
					dates: {
						answersDue: answers_due,
						visitStart: visit_start,
						visitEnd: visit_end,
						factCheckDue: fact_check_due,
						publicationPlanned: publication_planned
					}
				})
			)
		);
}

/** An evaluation's own facts, with its municipality's name. */
export interface EvaluationFacts {
	id: number;
	municipalityCode: string;
	municipalityName: string;
	year: number;
	rubricId: string;
	status: EvaluationStatus;
	previousEvaluationId: number | null;
}

/** The evaluation's own facts; throws when there is no such id (callers have authorized it). */
export async function getEvaluationOrThrow(db: Database, id: number): Promise<EvaluationFacts> {
	return db
		.selectFrom('evaluation as e')
		.innerJoin('municipality as m', 'm.code', 'e.municipality_code')
		.select([
			'e.id',
			'e.municipality_code as municipalityCode',
			'm.name as municipalityName',
			'e.year',
			'e.rubric_id as rubricId',
			'e.status',
			'e.previous_evaluation_id as previousEvaluationId'
		])
		.where('e.id', '=', id)
		.executeTakeFirstOrThrow();
}

/** A published evaluation (what a re-evaluation starts from) with its team and contact, or undefined. */
export async function findPublishedEvaluationById(db: Database, id: number) {
	const e = await db
		.selectFrom('evaluation')
		.select([
			'id',
			'municipality_code as municipalityCode',
			'year',
			'contact_user_id as contactUserId'
		])
		.where('id', '=', id)
		.where('status', '=', 'publicerad')
		.executeTakeFirst();
	if (!e) return undefined;
	const team = await db
		.selectFrom('evaluation_member')
		.select('user_id')
		.where('evaluation_id', '=', id)
		.orderBy('user_id')
		.execute();
	return { ...e, teamUserIds: team.map((m) => m.user_id) };
}

export interface EvaluationDetail {
	id: number;
	municipalityCode: string;
	municipalityName: string;
	county: string;
	year: number;
	rubricId: string;
	status: EvaluationStatus;
	origin: 'workspace' | 'import';
	visitStart: string | null;
	visitEnd: string | null;
	evaluatedAt: string | null;
	summary: string;
	rowVersion: number;
	previousEvaluationId: number | null;
	contact: { id: number; name: string; email: string } | null;
	team: {
		id: number;
		name: string;
		email: string;
		noConflictDeclaredAt: Date | null;
		submittedAt: Date | null;
	}[];
}

export async function findEvaluationDetail(
	db: Database,
	id: number
): Promise<EvaluationDetail | undefined> {
	const e = await db
		.selectFrom('evaluation as e')
		.innerJoin('municipality as m', 'm.code', 'e.municipality_code')
		.leftJoin('app_user as c', 'c.id', 'e.contact_user_id')
		.select([
			'e.id',
			'e.municipality_code as municipalityCode',
			'm.name as municipalityName',
			'm.county',
			'e.year',
			'e.rubric_id as rubricId',
			'e.status',
			'e.origin',
			'e.visit_start as visitStart',
			'e.visit_end as visitEnd',
			'e.evaluated_at as evaluatedAt',
			'e.summary',
			'e.row_version as rowVersion',
			'e.previous_evaluation_id as previousEvaluationId',
			'c.id as contactId',
			'c.name as contactName',
			'c.email as contactEmail'
		])
		.where('e.id', '=', id)
		.executeTakeFirst();
	if (!e) return undefined;
	const team = await db
		.selectFrom('evaluation_member as em')
		.innerJoin('app_user as u', 'u.id', 'em.user_id')
		.leftJoin('score_sheet as s', (j) =>
			j.onRef('s.evaluation_id', '=', 'em.evaluation_id').onRef('s.user_id', '=', 'em.user_id')
		)
		.select([
			'u.id',
			'u.name',
			'u.email',
			'em.no_conflict_declared_at as noConflictDeclaredAt',
			's.submitted_at as submittedAt'
		])
		.where('em.evaluation_id', '=', id)
		.execute();
	const { contactId, contactName, contactEmail, ...rest } = e;
	return {
		...rest,
		contact: contactId
			? { id: contactId, name: contactName ?? '', email: contactEmail ?? '' }
			: null,
		team: team.sort((a, b) => svCollator.compare(a.name, b.name))
	};
}

/** The evaluator declares having no conflict of interest (jäv) in this evaluation. */
export async function declareNoConflict(
	db: Database,
	actor: Actor & { id: number },
	evaluationId: number
) {
	await db.transaction().execute(async (trx) => {
		const updated = await trx
			.updateTable('evaluation_member')
			.set({ no_conflict_declared_at: new Date() })
			.where('evaluation_id', '=', evaluationId)
			.where('user_id', '=', actor.id)
			.where('no_conflict_declared_at', 'is', null)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) > 0) {
			await recordAudit(trx, {
				actor,
				entity: 'evaluation_member',
				entityId: `${evaluationId}:${actor.id}`,
				evaluationId,
				action: 'declare-no-conflict'
			});
		}
	});
}

export type TransitionResult = { ok: true } | { ok: false; gaps: Gap[]; blocked: boolean };

/**
 * Moves the evaluation one stage. Blockers stop the move; other gaps need `confirmGaps`.
 * Publishing is not a transition: see publishEvaluation.
 */
export async function transitionEvaluation(
	db: Database,
	actor: Actor,
	evaluationId: number,
	to: EvaluationStatus,
	options: { confirmGaps: boolean }
): Promise<TransitionResult> {
	const current = await db
		.selectFrom('evaluation')
		.select(['status'])
		.where('id', '=', evaluationId)
		.executeTakeFirstOrThrow();
	if (to === 'publicerad' || !isMove(current.status, to))
		throw new DomainError('ws.errors.badMove', '_form', 400);
	const forward = isBefore(current.status, to);
	if (forward) {
		const facts = await loadProgressFacts(db, evaluationId);
		const hard = blockers(to, facts);
		if (hard.length) return { ok: false, gaps: hard, blocked: true };
		const gaps = gapsBefore(to, facts);
		if (gaps.length && !options.confirmGaps) return { ok: false, gaps, blocked: false };
	}
	await db.transaction().execute(async (trx) => {
		const moved = await trx
			.updateTable('evaluation')
			.set({ status: to, updated_at: new Date(), row_version: sql`row_version + 1` })
			.where('id', '=', evaluationId)
			.where('status', '=', current.status)
			.executeTakeFirst();
		if (Number(moved.numUpdatedRows) !== 1) throw new DomainError('ws.errors.stale', '_form', 409);
		await recordAudit(trx, {
			actor,
			entity: 'evaluation',
			entityId: evaluationId,
			evaluationId,
			action: 'transition',
			before: { status: current.status },
			after: { status: to }
		});
	});
	return { ok: true };
}
