/**
 * A self-assessment's own simple action list, for a municipality with no evaluation's action plan
 * to use.
 */
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { ensureWithinLimit } from '../db/versioned';
import { DomainError } from '../errors';
import { textLimits } from '$lib/domain/limits';
import { findSubarea, type Rubric } from '$lib/domain/rubric';

/** The simple action list of a self-assessment (when there is no evaluation's plan to use). */
export async function listSelfActions(db: Database, id: number) {
	return db
		.selectFrom('self_assessment_action')
		.select([
			'id',
			'subarea_id as subareaId',
			'title',
			'description',
			'owner_role as ownerRole',
			'created_at as createdAt'
		])
		.where('self_assessment_id', '=', id)
		.orderBy('id')
		.execute();
}

/** Adds an improvement action for a subarea to the self-assessment's own list. */
export async function createSelfAction(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number,
	input: { subareaId: string; title: string; description: string; ownerRole: string }
): Promise<number> {
	if (!findSubarea(rubric, input.subareaId))
		throw new DomainError('ws.errors.unknownSubarea', 'subareaId', 404);
	if (!input.title.trim()) throw new DomainError('errors.required', 'title');
	ensureWithinLimit(input.title, textLimits.findingItem, 'title');
	ensureWithinLimit(input.description, textLimits.comment, 'description');
	ensureWithinLimit(input.ownerRole, 200, 'ownerRole');
	return db.transaction().execute(async (trx) => {
		const { id: actionId } = await trx
			.insertInto('self_assessment_action')
			.values({
				self_assessment_id: id,
				subarea_id: input.subareaId,
				title: input.title.trim(),
				description: input.description.trim(),
				owner_role: input.ownerRole.trim(),
				created_by: actor.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'self_assessment_action',
			entityId: actionId,
			action: 'create'
		});
		return actionId;
	});
}
