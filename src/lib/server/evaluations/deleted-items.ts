/**
 * Undo for deletions. A deletion keeps what it removed — the row and the rows that hang on it —
 * in `deleted_item`, in the same transaction as the delete; for `undoWindowMs` afterwards the
 * team can put it all back ("Ångra") with its original ids, so links and citations return too.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { recordAudit, type Actor } from '../accounts/audit';
import { DomainError } from '../errors';

/** How long a deletion can be undone. */
export const undoWindowMs = 10 * 60 * 1000;

/** The kinds of deletion that can be undone, and the tables their rows come from (parents first). */
export const undoableEntities = [
	'interview',
	'web_observation',
	'evidence',
	'strength',
	'improvement',
	'recommendation',
	'action_item'
] as const;
export type UndoableEntity = (typeof undoableEntities)[number];

/** A deletion's rows by table, parents first (undo inserts them in this order). */
export type KeptRows = Partial<Record<keyof DB, Record<string, unknown>[]>>;

/** Keeps the rows a deletion is about to remove; returns the id that undoes it. */
export async function keepForUndo(
	trx: Transaction<DB>,
	actor: Actor,
	item: { evaluationId: number; entity: UndoableEntity; entityId: number; rows: KeptRows }
): Promise<number> {
	const kept = await trx
		.insertInto('deleted_item')
		.values({
			evaluation_id: item.evaluationId,
			entity: item.entity,
			entity_id: String(item.entityId),
			rows: JSON.stringify(item.rows),
			deleted_by: actor.id
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return kept.id;
}

/**
 * Puts a deletion back, all or nothing: refused when it is too old, already undone, or of
 * another evaluation.
 */
export async function undoDeletion(
	db: Database,
	actor: Actor,
	evaluationId: number,
	deletedItemId: number,
	/** The kinds the asking page deals in: a page undoes only its own deletions. */
	entities: readonly UndoableEntity[] = undoableEntities,
	now = new Date()
): Promise<UndoableEntity> {
	if (!Number.isSafeInteger(deletedItemId) || deletedItemId <= 0) {
		throw new DomainError('ws.undo.gone', '_form', 404);
	}
	return db.transaction().execute(async (trx) => {
		const item = await trx
			.selectFrom('deleted_item')
			.select(['id', 'entity', 'entity_id', 'rows', 'deleted_at', 'restored_at'])
			.where('id', '=', deletedItemId)
			.where('evaluation_id', '=', evaluationId)
			.forUpdate()
			.executeTakeFirst();
		if (!item || item.restored_at || !entities.includes(item.entity as UndoableEntity)) {
			throw new DomainError('ws.undo.gone', '_form', 404);
		}
		if (now.getTime() - new Date(item.deleted_at).getTime() > undoWindowMs) {
			throw new DomainError('ws.undo.expired', '_form', 409);
		}
		const rows = (typeof item.rows === 'string' ? JSON.parse(item.rows) : item.rows) as KeptRows;
		for (const [table, tableRows] of Object.entries(rows) as [
			keyof DB,
			Record<string, unknown>[]
		][]) {
			if (!tableRows.length) continue;
			// The rows were read from `table` by the deletion itself, so they fit it as they are.
			const into = trx.insertInto(table) as unknown as {
				values: (rows: Record<string, unknown>[]) => { execute: () => Promise<unknown> };
			};
			await into.values(tableRows).execute();
		}
		await trx
			.updateTable('deleted_item')
			.set({ restored_at: now })
			.where('id', '=', item.id)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: item.entity,
			entityId: item.entity_id,
			evaluationId,
			action: 'restore'
		});
		return item.entity as UndoableEntity;
	});
}
