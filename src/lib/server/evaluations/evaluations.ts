/**
 * Evaluations: creating one with its team, reading its facts and details, and a team member's
 * declaration of no conflict of interest. Which evaluations a user's list holds is in
 * evaluation-list.ts, moving one between stages in evaluation-transitions.ts.
 */
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { DomainError } from '../errors';
import type { EvaluationStatus } from '$lib/domain/lifecycle';
import { svCollator } from '$lib/i18n';
import { checkContact, checkDates, checkTeam, DuplicateEvaluationError } from './setup';
import { carryOverDocuments } from '../documents/carried';

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

/**
 * Evaluations joined to their municipality, selecting the facts every view of one starts from:
 * id, municipality code and name, year, rubric and stage. Callers add their own columns.
 */
export function selectEvaluationFacts(db: Database) {
	return db
		.selectFrom('evaluation as e')
		.innerJoin('municipality as m', 'm.code', 'e.municipality_code')
		.select([
			'e.id',
			'e.municipality_code as municipalityCode',
			'm.name as municipalityName',
			'e.year',
			'e.rubric_id as rubricId',
			'e.status'
		]);
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
	return selectEvaluationFacts(db)
		.select('e.previous_evaluation_id as previousEvaluationId')
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
	/** The language the team writes the evaluation's texts in (BCP 47; 'sv' unless set). */
	textLanguage: string;
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
	const e = await selectEvaluationFacts(db)
		.leftJoin('app_user as c', 'c.id', 'e.contact_user_id')
		.select([
			'm.county',
			'e.origin',
			'e.visit_start as visitStart',
			'e.visit_end as visitEnd',
			'e.evaluated_at as evaluatedAt',
			'e.summary',
			'e.text_language as textLanguage',
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
