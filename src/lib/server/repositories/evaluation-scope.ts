import type { Database } from '../db';
import type { EvaluationScope } from '../auth/policy';

/** The facts the policy needs about one evaluation, or undefined when there is no such id. */
export async function findEvaluationScope(
	db: Database,
	evaluationId: number
): Promise<EvaluationScope | undefined> {
	if (!Number.isSafeInteger(evaluationId) || evaluationId <= 0) return undefined;
	const evaluation = await db
		.selectFrom('evaluation')
		.select(['id', 'municipality_code', 'status', 'contact_user_id', 'action_plan_public'])
		.where('id', '=', evaluationId)
		.executeTakeFirst();
	if (!evaluation) return undefined;
	const members = await db
		.selectFrom('evaluation_member')
		.select(['user_id', 'no_conflict_declared_at'])
		.where('evaluation_id', '=', evaluationId)
		.execute();
	return {
		id: evaluation.id,
		municipalityCode: evaluation.municipality_code,
		status: evaluation.status,
		teamUserIds: members.map((m) => m.user_id),
		conflictFreeUserIds: members.filter((m) => m.no_conflict_declared_at).map((m) => m.user_id),
		contactUserId: evaluation.contact_user_id,
		actionPlanPublic: evaluation.action_plan_public
	};
}

/** Parses a route's `[id]` parameter; anything but a positive integer is "no such evaluation". */
export function parseEvaluationId(param: string): number {
	return /^[1-9][0-9]{0,9}$/.test(param) ? Number(param) : 0;
}
