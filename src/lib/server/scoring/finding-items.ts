/**
 * The findings' lists: strengths and improvement possibilities per area, recommendations per
 * evaluation. Each item is added, moved, edited (versioned) and removed (undoable) with its audit row.
 */
import { sql } from 'kysely';
import type { Database } from '../db';
import { keepForUndo } from '../evaluations/deleted-items';
import { recordAudit, type Actor } from '../accounts/audit';
import { ensureWithinLimit, saveVersioned } from '../db/versioned';
import { DomainError } from '../errors';
import { textLimits } from '$lib/domain/limits';
import type { TextLanguage } from '$lib/domain/text-language';

export type ListKind = 'strength' | 'improvement' | 'recommendation';

/**
 * A strength's or improvement possibility's own language; null: the evaluation's. Undefined on an
 * update leaves it as it is (a recommendation has none: it is in the evaluation's language).
 */
type ItemLang = TextLanguage | null;

/** Adds a strength, improvement possibility (per area) or recommendation (per evaluation). */
export async function addFindingItem(
	db: Database,
	actor: Actor,
	evaluationId: number,
	kind: ListKind,
	input: { areaId?: string; text: string; goldStar?: boolean; lang?: ItemLang }
): Promise<number> {
	const text = input.text.trim();
	if (!text) throw new DomainError('errors.required', 'text');
	ensureWithinLimit(text, textLimits.findingItem, 'text');
	return db.transaction().execute(async (trx) => {
		// Last in its list. Two adds at once may share a position; the id then keeps them in order.
		let last = trx
			.selectFrom(kind)
			.select((eb) => eb.fn.max<number | null>('position').as('last'))
			.where('evaluation_id', '=', evaluationId);
		if (kind !== 'recommendation') last = last.where('area_id', '=', input.areaId!);
		const position = ((await last.executeTakeFirst())?.last ?? -1) + 1;
		let id: number;
		if (kind === 'recommendation') {
			id = (
				await trx
					.insertInto('recommendation')
					.values({ evaluation_id: evaluationId, text, position })
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		} else if (kind === 'strength') {
			id = (
				await trx
					.insertInto('strength')
					.values({
						evaluation_id: evaluationId,
						area_id: input.areaId!,
						text,
						gold_star: input.goldStar ?? false,
						lang: input.lang ?? null,
						position
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		} else {
			id = (
				await trx
					.insertInto('improvement')
					.values({
						evaluation_id: evaluationId,
						area_id: input.areaId!,
						text,
						lang: input.lang ?? null,
						position
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		}
		await recordAudit(trx, {
			actor,
			entity: kind,
			entityId: id,
			evaluationId,
			action: 'create',
			after: input
		});
		return id;
	});
}

export type MoveDirection = 'up' | 'down';

/**
 * Moves a strength, improvement possibility or recommendation one place up or down in its list
 * (an area's strengths, an area's improvements, the evaluation's recommendations), the order the
 * report and the published result show. Returns false when the item is already first or last.
 *
 * The whole list is renumbered 0…n−1 in its new order, in one transaction: positions written
 * before (imports, older adds) may tie or leave gaps, and a swap of two tied positions would move
 * nothing. Only `position` changes, not `row_version`: the text is untouched, so an autosave of
 * the same item that is on its way must not be refused as stale because of a move.
 */
export async function moveFindingItem(
	db: Database,
	actor: Actor,
	evaluationId: number,
	kind: ListKind,
	id: number,
	direction: MoveDirection
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const item =
			kind === 'recommendation'
				? await trx
						.selectFrom('recommendation')
						.select(['id', sql<string | null>`null`.as('area_id')])
						.where('id', '=', id)
						.where('evaluation_id', '=', evaluationId)
						.executeTakeFirst()
				: await trx
						.selectFrom(kind)
						.select(['id', 'area_id'])
						.where('id', '=', id)
						.where('evaluation_id', '=', evaluationId)
						.executeTakeFirst();
		if (!item) throw new DomainError('errors.notFound', '_form', 404);
		let rows = trx
			.selectFrom(kind)
			.select(['id', 'position'])
			.where('evaluation_id', '=', evaluationId)
			// Rows locked in one order (by id) by every move, so two moves cannot deadlock.
			.orderBy('id')
			.forUpdate();
		if (item.area_id !== null) rows = rows.where('area_id', '=', item.area_id);
		// Locking the list makes two moves at once run one after the other. The rows come back as
		// the first move left them, but sorting ran before the wait: sort by position here.
		const list = (await rows.execute()).sort((a, b) => a.position - b.position || a.id - b.id);
		const from = list.findIndex((r) => r.id === id);
		const to = direction === 'up' ? from - 1 : from + 1;
		if (to < 0 || to >= list.length) return false;
		[list[from], list[to]] = [list[to], list[from]];
		for (const [position, row] of list.entries()) {
			if (row.position !== position)
				await trx.updateTable(kind).set({ position }).where('id', '=', row.id).execute();
		}
		await recordAudit(trx, {
			actor,
			entity: kind,
			entityId: id,
			evaluationId,
			action: 'move',
			before: { place: from + 1 },
			after: { place: to + 1 }
		});
		return true;
	});
}

/** Edits a list item (versioned). */
export async function updateFindingItem(
	db: Database,
	actor: Actor,
	evaluationId: number,
	kind: ListKind,
	id: number,
	input: { text: string; goldStar?: boolean; lang?: ItemLang },
	expectedVersion: number
): Promise<number> {
	const text = input.text.trim();
	if (!text) throw new DomainError('errors.required', 'text');
	ensureWithinLimit(text, textLimits.findingItem, 'text');
	return db.transaction().execute(async (trx) => {
		const owner = await trx
			.selectFrom(kind)
			.select('evaluation_id')
			.where('id', '=', id)
			.executeTakeFirst();
		if (!owner || owner.evaluation_id !== evaluationId)
			throw new DomainError('errors.notFound', '_form', 404);
		const values: Record<string, unknown> = { text };
		if (kind === 'strength') values.gold_star = input.goldStar ?? false;
		if (kind !== 'recommendation' && input.lang !== undefined) values.lang = input.lang;
		const { version, before } = await saveVersioned(trx, kind, { id }, values, expectedVersion);
		await recordAudit(trx, {
			actor,
			entity: kind,
			entityId: id,
			evaluationId,
			action: 'update',
			before: { text: before?.text, goldStar: before?.gold_star, lang: before?.lang },
			after: input
		});
		return version;
	});
}

/** Removes a list item; refused when a later evaluation's follow-up or an action refers to it. */
export async function deleteFindingItem(
	db: Database,
	actor: Actor,
	evaluationId: number,
	kind: ListKind,
	id: number
) {
	return db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom(kind)
			.selectAll()
			.where('id', '=', id)
			.where('evaluation_id', '=', evaluationId)
			.executeTakeFirst();
		if (!before) throw new DomainError('errors.notFound', '_form', 404);
		const cites = await trx
			.selectFrom('finding_evidence')
			.selectAll()
			.where('finding_kind', '=', kind)
			.where('finding_key', '=', String(id))
			.execute();
		const undoId = await keepForUndo(trx, actor, {
			evaluationId,
			entity: kind,
			entityId: id,
			rows: { [kind]: [before], finding_evidence: cites }
		});
		await trx
			.deleteFrom('finding_evidence')
			.where('finding_kind', '=', kind)
			.where('finding_key', '=', String(id))
			.execute();
		await trx.deleteFrom(kind).where('id', '=', id).execute();
		await recordAudit(trx, {
			actor,
			entity: kind,
			entityId: id,
			evaluationId,
			action: 'delete',
			before
		});
		return undoId;
	});
}

/** The evaluation's recommendations in their order (what an action plan can answer). */
export async function listRecommendations(db: Database, evaluationId: number) {
	return db
		.selectFrom('recommendation')
		.select(['id', 'text'])
		.where('evaluation_id', '=', evaluationId)
		.orderBy('position')
		.execute();
}

/** The evaluation's improvement possibilities by area, in their order (a re-evaluation's report). */
export async function listImprovements(db: Database, evaluationId: number) {
	return db
		.selectFrom('improvement')
		.select(['id', 'area_id as areaId', 'text'])
		.where('evaluation_id', '=', evaluationId)
		.orderBy('area_id')
		.orderBy('position')
		.execute();
}
