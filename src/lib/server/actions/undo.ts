/** The "Ångra" action every page with undoable deletions shares. */
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '../accounts/audit';
import { z } from 'zod';
import { attempt, authorizeEvaluationRoute } from '../http/evaluation-route';
import { readForm } from '../http/parse-form';
import { formId } from '$lib/schemas/form';
import type { SignedInEvaluationAction } from '../auth/policy';
import { undoDeletion, type UndoableEntity } from '../evaluations/deleted-items';

/**
 * Undoes a deletion of one of `entities` on this page, for those who may `permission` (the
 * same right the deletion needed).
 */
const undoForm = z.object({ undo: formId });

export function undoAction(permission: SignedInEvaluationAction, entities: UndoableEntity[]) {
	return async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, permission);
		const { undo } = readForm(await request.formData(), undoForm);
		const result = await attempt(
			locals,
			() => undoDeletion(locals.db, actorOf(user), scope.id, undo, entities),
			{ undoFailed: true }
		);
		return typeof result === 'string' ? { restored: result } : result;
	};
}
