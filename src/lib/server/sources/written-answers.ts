/**
 * The municipality's written answers — to a subarea, or to each of its questions where the rubric
 * has them — and the scoring view of one subarea: its answers beside its evidence items.
 */
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { saveVersioned, StaleWriteError } from '../db/versioned';
import { DomainError } from '../errors';
import { loadEvaluationRubric, type Executor } from '../evaluations/rows';
import { listEvidence } from './evidence';
import { findSubarea } from '$lib/domain/rubric';
import {
	answerTargetsOf,
	shownAnswerTargets,
	sourceLimits,
	type AnswerTarget,
	type SubareaSources
} from '$lib/domain/sources';

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
