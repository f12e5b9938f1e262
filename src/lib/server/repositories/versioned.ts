/**
 * Optimistic concurrency for editable rows: a save names the row_version it was based on; when
 * someone saved in between, the save is refused with the current value so the user can compare.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/types';
import { DomainError } from '../errors';

export class StaleWriteError extends Error {
	constructor(
		/** The row as it is now (someone else's text), for showing beside the user's. */
		public readonly current: Record<string, unknown> | null
	) {
		super('stale write');
	}
}

type Key = Record<string, string | number>;

/**
 * Inserts (expectedVersion 0 or no row yet) or updates a row if its row_version still equals
 * expectedVersion; returns the new version. Tables and keys are the caller's, always constants.
 */
export async function saveVersioned(
	trx: Transaction<DB>,
	table: keyof DB,
	key: Key,
	values: Record<string, unknown>,
	expectedVersion: number
): Promise<{ version: number; before: Record<string, unknown> | null }> {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const t = trx as Transaction<any>;
	let select = t.selectFrom(table).selectAll().forUpdate();
	for (const [column, value] of Object.entries(key)) select = select.where(column, '=', value);
	const before = (await select.executeTakeFirst()) as Record<string, unknown> | undefined;
	if (!before) {
		if (expectedVersion !== 0) throw new StaleWriteError(null);
		// Two first saves can race past the read above; the loser sees the winner's row, not a 500.
		const inserted = await t
			.insertInto(table)
			.values({ ...key, ...values, row_version: 1 })
			.onConflict((oc) => oc.doNothing())
			.returning('row_version')
			.executeTakeFirst();
		if (!inserted) {
			let winner = t.selectFrom(table).selectAll();
			for (const [column, value] of Object.entries(key)) winner = winner.where(column, '=', value);
			throw new StaleWriteError(
				((await winner.executeTakeFirst()) as Record<string, unknown>) ?? null
			);
		}
		return { version: 1, before: null };
	}
	if (before.row_version !== expectedVersion) throw new StaleWriteError(before);
	let update = t.updateTable(table).set({ ...values, row_version: expectedVersion + 1 });
	for (const [column, value] of Object.entries(key)) update = update.where(column, '=', value);
	await update.execute();
	return { version: expectedVersion + 1, before };
}

/** Refuses a text over its limit at its field (never cut short and called saved). */
export function ensureWithinLimit(text: string, max: number, field: string): void {
	if (text.length > max) throw new DomainError('errors.tooLong', field, 400, { max });
}
