import { pathId } from '$lib/schemas/id';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db';
import type { EvaluationScope } from '../auth/policy';

/** One evaluator's own blind sheet of an evaluation: its id and whether it is handed in. */
export interface OwnSheet {
	id: number;
	submitted: boolean;
}

/** The policy's facts about an evaluation, and the rubric it is scored on. */
export type EvaluationScopeWithRubric = EvaluationScope & {
	rubricId: string;
	/** Only when asked for (`ownSheetOf`): that user's sheet, null before its first save. */
	ownSheet?: OwnSheet | null;
};

/**
 * The facts the policy needs about one evaluation, with its rubric id (every evaluation route
 * loads the rubric next), in one query; undefined when there is no such id. With `ownSheetOf`,
 * the same query brings that user's own sheet, so a save needs no lookup of its own.
 */
export async function findEvaluationScope(
	db: Database,
	evaluationId: number,
	ownSheetOf?: number
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
			).as('members'),
			jsonArrayFrom(
				eb
					.selectFrom('score_sheet as sh')
					.select(['sh.id', 'sh.submitted_at'])
					.whereRef('sh.evaluation_id', '=', 'e.id')
					.where('sh.user_id', '=', ownSheetOf ?? -1)
			).as('ownSheets')
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
		rubricId: evaluation.rubric_id,
		...(ownSheetOf === undefined
			? {}
			: {
					ownSheet: evaluation.ownSheets[0]
						? {
								id: evaluation.ownSheets[0].id,
								submitted: evaluation.ownSheets[0].submitted_at !== null
							}
						: null
				})
	};
}

/** Parses a route's `[id]` parameter; anything but a positive integer is "no such evaluation". */
export function parseEvaluationId(param: string): number {
	return pathId(param);
}
