/** The "Ångra" action every page with undoable deletions shares. */
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '../repositories/audit';
import { attempt, authorizeEvaluationRoute, intField } from '../http/evaluation-route';
import type { SignedInEvaluationAction } from '../auth/policy';
import { undoDeletion, type UndoableEntity } from '../repositories/deleted-items';

/**
 * Undoes a deletion of one of `entities` on this page, for those who may `permission` (the
 * same right the deletion needed).
 */
export function undoAction(permission: SignedInEvaluationAction, entities: UndoableEntity[]) {
	return async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, permission);
		const deletedItemId = intField(await request.formData(), 'undo');
		const result = await attempt(
			locals,
			() => undoDeletion(locals.db, actorOf(user), scope.id, deletedItemId, entities),
			{ undoFailed: true }
		);
		return typeof result === 'string' ? { restored: result } : result;
	};
}
