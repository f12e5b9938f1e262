/**
 * Optimistic concurrency for editable rows: a save names the row_version it was based on; when
 * someone saved in between, the save is refused with the current value so the user can compare.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DB } from './types';
import { actorLabel, type AuditEntry } from '../accounts/audit';
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

/** The audit row written with a one-statement save (see saveVersionedAudited). */
export interface AuditedWrite {
	entry: Omit<AuditEntry, 'before' | 'after' | 'action'>;
	/** The columns whose previous values become the audit row's `before`. */
	beforeColumns: string[];
	after: Record<string, unknown>;
	/** 'create' for a first save where the entity distinguishes it; 'update' otherwise. */
	action: (created: boolean) => string;
}

/**
 * The usual versioned save in ONE statement, without BEGIN/COMMIT round trips: the version-checked
 * UPDATE (or, for expectedVersion 0, the INSERT) and its audit row are data-modifying parts of one
 * WITH query, which PostgreSQL runs atomically — both are written or neither. The previous values
 * for the audit row are read in the same snapshot; the client can only know a version after it
 * was committed, so when the UPDATE's own check under its row lock passes, that snapshot holds
 * exactly the row it replaces. Returns the new version, or null when the row is absent, stale or
 * racing: the caller then takes the general path (saveVersioned in a transaction), which says which.
 */
export async function saveVersionedAudited(
	db: Kysely<DB> | Transaction<DB>,
	table: keyof DB,
	key: Key,
	values: Record<string, unknown>,
	expectedVersion: number,
	audit: AuditedWrite
): Promise<number | null> {
	const keyColumns = Object.keys(key);
	const valueColumns = Object.keys(values);
	const auditRow = (from: RawBuilder<unknown>, before: RawBuilder<unknown>, action: string) => sql`
		INSERT INTO audit_log (actor_id, actor_label, entity, entity_id, evaluation_id, action, before, after)
		SELECT ${audit.entry.actor.id}::integer, ${actorLabel(audit.entry.actor)}::text,
			${audit.entry.entity}::text, ${String(audit.entry.entityId)}::text,
			${audit.entry.evaluationId ?? null}::integer, ${action}::text, ${before},
			${JSON.stringify(audit.after)}::jsonb
		FROM ${from}`;
	if (expectedVersion === 0) {
		const columns = [...keyColumns, ...valueColumns, 'row_version'];
		const row = [...Object.values(key), ...Object.values(values), 1];
		const result = await sql<{ row_version: number }>`
			WITH written AS (
				INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
				VALUES (${sql.join(row)})
				ON CONFLICT DO NOTHING
				RETURNING row_version
			), audited AS (${auditRow(sql`written`, sql`NULL::jsonb`, audit.action(true))})
			SELECT row_version FROM written`.execute(db);
		return result.rows[0]?.row_version ?? null;
	}
	const matches = (alias: string) =>
		sql.join(
			[
				...keyColumns.map((c) => sql`${sql.ref(`${alias}.${c}`)} = ${key[c]}`),
				sql`${sql.ref(`${alias}.row_version`)} = ${expectedVersion}`
			],
			sql` AND `
		);
	const before = sql`jsonb_build_object(${sql.join(
		audit.beforeColumns.map((c) => sql`${sql.lit(c)}, ${sql.ref(`previous.${c}`)}`)
	)})`;
	const result = await sql<{ row_version: number }>`
		WITH previous AS (
			SELECT ${sql.join(audit.beforeColumns.map((c) => sql.ref(c)))}
			FROM ${sql.table(table)} AS t WHERE ${matches('t')}
		), written AS (
			UPDATE ${sql.table(table)} AS t
			SET ${sql.join(valueColumns.map((c) => sql`${sql.ref(c)} = ${values[c]}`))},
				row_version = ${expectedVersion + 1}
			WHERE ${matches('t')} AND EXISTS (SELECT 1 FROM previous)
			RETURNING t.row_version
		), audited AS (${auditRow(sql`previous, written`, before, audit.action(false))})
		SELECT row_version FROM written`.execute(db);
	return result.rows[0]?.row_version ?? null;
}
