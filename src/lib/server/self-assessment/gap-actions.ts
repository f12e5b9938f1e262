/**
 * An improvement action taken from a self-assessment's gap. It answers exactly the improvement
 * possibilities the user ticked (of the subarea's area, in the latest published evaluation) and
 * goes into that evaluation's action plan, keeping its subarea and the self-assessment it came
 * from; with none ticked it goes onto the self-assessment's own list. Never linked to a whole
 * area by default: the plan's coverage figures count these links, and the re-evaluation shows
 * them under each improvement as work planned.
 */
import type { Database } from '../db';
import type { Actor } from '../accounts/audit';
import { DomainError } from '../errors';
import { saveActionItem } from '../action-plans/action-plans';
import { createSelfAction } from './actions';
import { areaOfSubarea, type Rubric } from '$lib/domain/rubric';

export interface GapActionInput {
	selfAssessmentId: number;
	subareaId: string;
	title: string;
	description: string;
	ownerRole: string;
	/** The ticked improvement possibilities; empty: the self-assessment's own list. */
	improvementIds: number[];
	/** The evaluation whose plan the ticked improvements belong to (null when there is none). */
	evaluationId: number | null;
}

/** Where the action went: into an evaluation's plan, or onto the self-assessment's own list. */
export type GapActionResult = { inPlan: true; id: number } | { inPlan: false; id: number };

export async function createGapAction(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	input: GapActionInput
): Promise<GapActionResult> {
	const area = areaOfSubarea(rubric, input.subareaId);
	if (!area) throw new DomainError('ws.errors.unknownSubarea', 'subareaId', 404);
	const ids = [...new Set(input.improvementIds)];
	if (!ids.length) {
		const id = await createSelfAction(db, actor, rubric, input.selfAssessmentId, input);
		return { inPlan: false, id };
	}
	if (input.evaluationId === null) throw new DomainError('ap.errors.foreignLink', 'improvementIds');
	// Only the area's own improvements of that evaluation: a tick from another area (a form sent
	// without JavaScript shows every area) would claim work the action does not do.
	const rows = await db
		.selectFrom('improvement')
		.select(['id', 'area_id as areaId', 'evaluation_id as evaluationId'])
		.where('id', 'in', ids)
		.execute();
	if (
		rows.length !== ids.length ||
		rows.some((r) => r.evaluationId !== input.evaluationId || r.areaId !== area.id)
	)
		throw new DomainError('sa.errors.improvementArea', 'improvementIds', 400, { area: area.id });
	const id = await saveActionItem(db, actor, input.evaluationId, null, {
		title: input.title.trim(),
		description: input.description.trim(),
		ownerRole: input.ownerRole.trim(),
		startDate: null,
		targetDate: null,
		status: 'planerad',
		improvementIds: ids,
		recommendationIds: [],
		origin: { subareaId: input.subareaId, selfAssessmentId: input.selfAssessmentId }
	});
	return { inPlan: true, id };
}
