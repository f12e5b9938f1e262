/** Moving an evaluation between the stages of its lifecycle (publishing excepted). */
import { sql } from 'kysely';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { DomainError } from '../errors';
import {
	blockers,
	gapsBefore,
	isBefore,
	isMove,
	type EvaluationStatus,
	type Gap
} from '$lib/domain/lifecycle';
import { loadProgressFacts } from '../scoring/progress';
import { notifyStage } from '../mail/notifications';
import { appOrigin } from '../mail/config';

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
	options: { confirmGaps: boolean; origin?: string }
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
		// Those with something to do in the new stage are told, in the move's transaction.
		if (forward)
			await notifyStage(trx, {
				evaluationId,
				stage: to,
				actorId: actor.id,
				origin: options.origin ?? appOrigin()
			});
	});
	return { ok: true };
}
