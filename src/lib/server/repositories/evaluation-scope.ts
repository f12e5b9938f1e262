import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db';
import type { EvaluationScope } from '../auth/policy';

/** The policy's facts about an evaluation, and the rubric it is scored on. */
export type EvaluationScopeWithRubric = EvaluationScope & { rubricId: string };

/**
 * The facts the policy needs about one evaluation, with its rubric id (every evaluation route
 * loads the rubric next), in one query; undefined when there is no such id.
 */
export async function findEvaluationScope(
	db: Database,
	evaluationId: number
): Promise<EvaluationScopeWithRubric | undefined> {
	if (!Number.isSafeInteger(evaluationId) || evaluationId <= 0) return undefined;
	const evaluation = await db
		.selectFrom('evaluation as e')
		.select((eb) => [
			'e.id',
			'e.municipality_code',
			'e.status',
			'e.contact_user_id',
			'e.action_plan_public',
			'e.rubric_id',
			jsonArrayFrom(
				eb
					.selectFrom('evaluation_member as em')
					.select(['em.user_id', 'em.no_conflict_declared_at'])
					.whereRef('em.evaluation_id', '=', 'e.id')
			).as('members')
		])
		.where('e.id', '=', evaluationId)
		.executeTakeFirst();
	if (!evaluation) return undefined;
	const members = evaluation.members;
	return {
		id: evaluation.id,
		municipalityCode: evaluation.municipality_code,
		status: evaluation.status,
		teamUserIds: members.map((m) => m.user_id),
		conflictFreeUserIds: members.filter((m) => m.no_conflict_declared_at).map((m) => m.user_id),
		contactUserId: evaluation.contact_user_id,
		actionPlanPublic: evaluation.action_plan_public,
		rubricId: evaluation.rubric_id
	};
}

/** Parses a route's `[id]` parameter; anything but a positive integer is "no such evaluation". */
export function parseEvaluationId(param: string): number {
	return /^[1-9][0-9]{0,9}$/.test(param) ? Number(param) : 0;
}
