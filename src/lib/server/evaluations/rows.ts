/**
 * Rows that belong to one evaluation and are edited one by one — interviews, web observations,
 * evidence items — are written the same way: an id of another evaluation is refused as if it did
 * not exist, every write commits with its audit row, an edit is version-checked, and a deletion
 * keeps what it removes for undo. Written once here, so a fix to one reaches all.
 */
import {
	sql,
	type Insertable,
	type Kysely,
	type Selectable,
	type Transaction,
	type Updateable
} from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { recordAudit, type Actor } from '../accounts/audit';
import { keepForUndo, type KeptRows } from './deleted-items';
import { getRubricOrThrow } from '../register/rubrics';
import { saveVersioned } from '../db/versioned';
import { DomainError } from '../errors';
import { findSubarea, type Rubric } from '$lib/domain/rubric';
import type { FindingRef } from '$lib/domain/sources';

/** The tables whose rows carry an `evaluation_id` and can be deleted undoably one by one. */
export type OwnedTable = 'interview' | 'web_observation' | 'evidence';

export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Kysely cannot narrow its builders over a table that is a type parameter; the functions below
 * check the caller's values against the table in their signatures and write through this.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const anyTable = (trx: Transaction<DB>) => trx as Transaction<any>;

/**
 * How many evidence items quote a source row (an interview or a web observation): a column for
 * the sources' lists, which show it and refuse deleting a quoted source.
 */
export function evidenceCountOf(source: 'interview' | 'web_observation', rowAlias: string) {
	return sql<number>`(SELECT count(*)::int FROM evidence e WHERE ${sql.ref(`e.${source}_id`)} = ${sql.ref(`${rowAlias}.id`)})`.as(
		'evidenceCount'
	);
}

/**
 * The evaluation's row, locked until the transaction ends: writes that hinge on its stage or its
 * version wait for each other. Callers choose the columns.
 */
export function lockEvaluation(trx: Transaction<DB>, evaluationId: number) {
	return trx.selectFrom('evaluation').where('id', '=', evaluationId).forUpdate();
}

/** The rubric the evaluation is scored against; DomainError 404 for an unknown evaluation. */
export async function loadEvaluationRubric(db: Executor, evaluationId: number): Promise<Rubric> {
	const row = await db
		.selectFrom('evaluation')
		.select('rubric_id')
		.where('id', '=', evaluationId)
		.executeTakeFirst();
	if (!row) throw new DomainError('errors.notFound', '_form', 404);
	return getRubricOrThrow(db, row.rubric_id);
}

/** Every table whose rows carry the `evaluation_id` they belong to. */
export type EvaluationTable =
	OwnedTable | 'source_document' | 'strength' | 'improvement' | 'recommendation' | 'action_item';

/** Whether `id` is a row of `table` that belongs to the evaluation (false for a malformed id). */
export async function isOwned(
	trx: Transaction<DB>,
	table: EvaluationTable,
	id: number,
	evaluationId: number
): Promise<boolean> {
	const row = Number.isSafeInteger(id)
		? await trx.selectFrom(table).select('evaluation_id').where('id', '=', id).executeTakeFirst()
		: undefined;
	return row?.evaluation_id === evaluationId;
}

/** Refuses ids of another evaluation as if they did not exist. */
export async function ensureOwned(
	trx: Transaction<DB>,
	table: EvaluationTable,
	id: number,
	evaluationId: number
): Promise<void> {
	if (!(await isOwned(trx, table, id, evaluationId))) {
		throw new DomainError('errors.notFound', '_form', 404);
	}
}

/** Refuses a finding that is not the evaluation's: a row of another, or a subarea or area its rubric lacks. */
export async function ensureFinding(
	trx: Transaction<DB>,
	evaluationId: number,
	ref: FindingRef
): Promise<void> {
	let known: boolean;
	if (ref.kind === 'narrative' || ref.kind === 'general') {
		const rubric = await loadEvaluationRubric(trx, evaluationId);
		known =
			ref.kind === 'narrative'
				? Boolean(findSubarea(rubric, ref.subareaId))
				: rubric.areas.some((a) => a.id === ref.areaId);
	} else {
		known = await isOwned(trx, ref.kind, ref.id, evaluationId);
	}
	if (!known) throw new DomainError('src.errors.unknownFinding', '_form', 404);
}

/**
 * Inserts a row of the evaluation in the caller's transaction and audits its creation with
 * `after` (what the trail may see of it); returns its id.
 */
export async function insertOwned<T extends OwnedTable>(
	trx: Transaction<DB>,
	actor: Actor,
	evaluationId: number,
	table: T,
	values: Omit<Insertable<DB[T]>, 'evaluation_id'>,
	after: unknown
): Promise<number> {
	const row = await anyTable(trx)
		.insertInto(table)
		.values({ evaluation_id: evaluationId, ...values })
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(trx, {
		actor,
		entity: table,
		entityId: row.id,
		evaluationId,
		action: 'create',
		after
	});
	return row.id;
}

/**
 * Saves an edit of a row of the evaluation if nobody saved it since `expectedVersion` (else
 * StaleWriteError with the saved row) and audits what `audited` lets the trail see of the row
 * before and after. Returns the new version.
 */
export async function updateOwned<T extends OwnedTable, V extends Updateable<DB[T]>>(
	db: Database,
	actor: Actor,
	evaluationId: number,
	table: T,
	id: number,
	values: V,
	expectedVersion: number,
	audited: (row: V) => unknown
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await ensureOwned(trx, table, id, evaluationId);
		const { version, before } = await saveVersioned(trx, table, { id }, values, expectedVersion);
		await recordAudit(trx, {
			actor,
			entity: table,
			entityId: id,
			evaluationId,
			action: 'update',
			// The saved row has every column `values` has, and more.
			before: before ? audited(before as V) : undefined,
			after: audited(values)
		});
		return version;
	});
}

/**
 * Deletes a row of the evaluation undoably; returns the id that undoes it. Keeps the row and its
 * `dependents` (rows the delete cascades away, read before it does) for undo, then deletes and
 * audits what `audited` lets the trail see. A source named in `quotedAs` (the evidence column
 * that points at it) is refused while an evidence item quotes it: the quote would lose its source.
 */
export async function deleteOwned<T extends OwnedTable, D extends KeptRows = KeptRows>(
	db: Database,
	actor: Actor,
	evaluationId: number,
	table: T,
	id: number,
	options: {
		quotedAs?: 'interview_id' | 'web_observation_id';
		dependents?: (trx: Transaction<DB>) => Promise<D>;
		audited: (row: Selectable<DB[T]>, dependents: D) => unknown;
	}
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		await ensureOwned(trx, table, id, evaluationId);
		if (options.quotedAs) {
			const quoted = await trx
				.selectFrom('evidence')
				.select('id')
				.where(options.quotedAs, '=', id)
				.executeTakeFirst();
			if (quoted) throw new DomainError('src.errors.cited', '_form', 409);
		}
		const row = (await anyTable(trx)
			.selectFrom(table)
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow()) as Selectable<DB[T]>;
		const dependents = (await options.dependents?.(trx)) ?? ({} as D);
		const undoId = await keepForUndo(trx, actor, {
			evaluationId,
			entity: table,
			entityId: id,
			// The row first: undo puts parents back before the rows that point at them.
			rows: { [table]: [row], ...dependents }
		});
		await anyTable(trx)
			.deleteFrom(table as string)
			.where('id', '=', id)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: table,
			entityId: id,
			evaluationId,
			action: 'delete',
			before: options.audited(row, dependents)
		});
		return undoId;
	});
}

/**
 * The create, update and delete of a source the team records by hand (an interview, a web
 * observation): `columnsOf` maps the form's input to the row, `audited` says what the trail may
 * see of a row. Create and update audit that; delete keeps the row for undo and is refused while
 * an evidence item quotes the source.
 */
export function sourceWrites<
	T extends 'interview' | 'web_observation',
	I,
	V extends Omit<Insertable<DB[T]>, 'evaluation_id'> & Updateable<DB[T]>
>(table: T, columnsOf: (input: I) => V, audited: (row: V | Selectable<DB[T]>) => unknown) {
	return {
		/** Records a new row; returns its id. */
		create(db: Database, actor: Actor, evaluationId: number, input: I): Promise<number> {
			const values = columnsOf(input);
			return db
				.transaction()
				.execute((trx) => insertOwned(trx, actor, evaluationId, table, values, audited(values)));
		},
		/** Saves an edit if nobody saved the row since `expectedVersion`; returns the new version. */
		update(
			db: Database,
			actor: Actor,
			evaluationId: number,
			id: number,
			input: I,
			expectedVersion: number
		): Promise<number> {
			return updateOwned(
				db,
				actor,
				evaluationId,
				table,
				id,
				columnsOf(input),
				expectedVersion,
				audited
			);
		},
		/** Deletes the row undoably (returns the id that undoes it); refused while it is quoted. */
		remove(db: Database, actor: Actor, evaluationId: number, id: number): Promise<number> {
			return deleteOwned(db, actor, evaluationId, table, id, {
				quotedAs: `${table}_id`,
				audited
			});
		}
	};
}
