import type { Database } from '../db';
import type { ActionStatus } from './tables';
import { keepForUndo } from '../evaluations/deleted-items';
import { recordAudit, type Actor } from '../accounts/audit';
import { saveVersioned } from '../db/versioned';
import { DomainError } from '../errors';
import { ensureOwned } from '../evaluations/rows';

export interface ActionInput {
	title: string;
	description: string;
	ownerRole: string;
	startDate: string | null;
	targetDate: string | null;
	status: ActionStatus;
	improvementIds: number[];
	recommendationIds: number[];
	/** Where an action from a self-assessment's gap came from; kept on later edits. */
	origin?: { subareaId: string; selfAssessmentId: number };
}

export interface ActionItemView extends ActionInput {
	id: number;
	rowVersion: number;
	notes: { id: number; notedOn: string; text: string }[];
	/** The subarea and self-assessment (with its date) a gap's action came from, else null. */
	from: { subareaId: string | null; selfAssessmentId: number | null; assessedOn: string | null };
}

export async function listActionItems(
	db: Database,
	evaluationId: number
): Promise<ActionItemView[]> {
	const items = await db
		.selectFrom('action_item as a')
		.leftJoin('self_assessment as sa', 'sa.id', 'a.self_assessment_id')
		.select([
			'a.id',
			'a.title',
			'a.description',
			'a.owner_role as ownerRole',
			'a.start_date as startDate',
			'a.target_date as targetDate',
			'a.status',
			'a.row_version as rowVersion',
			'a.subarea_id as subareaId',
			'a.self_assessment_id as selfAssessmentId',
			'sa.assessed_on as assessedOn'
		])
		.where('a.evaluation_id', '=', evaluationId)
		.orderBy('a.id')
		.execute();
	if (!items.length) return [];
	const ids = items.map((i) => i.id);
	const [links, notes] = await Promise.all([
		db
			.selectFrom('action_item_link')
			.select(['action_item_id', 'improvement_id', 'recommendation_id'])
			.where('action_item_id', 'in', ids)
			.execute(),
		db
			.selectFrom('action_progress_note')
			.select(['id', 'action_item_id', 'noted_on', 'text'])
			.where('action_item_id', 'in', ids)
			.orderBy('noted_on')
			.orderBy('id')
			.execute()
	]);
	return items.map(({ subareaId, selfAssessmentId, assessedOn, ...i }) => ({
		...i,
		from: { subareaId, selfAssessmentId, assessedOn },
		improvementIds: links
			.filter((l) => l.action_item_id === i.id && l.improvement_id)
			.map((l) => l.improvement_id!),
		recommendationIds: links
			.filter((l) => l.action_item_id === i.id && l.recommendation_id)
			.map((l) => l.recommendation_id!),
		notes: notes
			.filter((n) => n.action_item_id === i.id)
			.map((n) => ({ id: n.id, notedOn: n.noted_on, text: n.text }))
	}));
}

/** Creates or updates an action; every link must point at this evaluation's own findings. */
export async function saveActionItem(
	db: Database,
	actor: Actor & { id: number | null },
	evaluationId: number,
	id: number | null,
	input: ActionInput,
	expectedVersion = 0
): Promise<number> {
	if (input.startDate && input.targetDate && input.targetDate < input.startDate)
		throw new DomainError('ap.errors.dateOrder', 'targetDate');
	if (!input.improvementIds.length && !input.recommendationIds.length)
		throw new DomainError('ap.errors.linkRequired', 'links');
	return db.transaction().execute(async (trx) => {
		/** Whether every id is a row of `table` in this evaluation. */
		const allOwned = async (table: 'improvement' | 'recommendation', ids: number[]) => {
			if (!ids.length) return true;
			const rows = await trx
				.selectFrom(table)
				.select('evaluation_id')
				.where('id', 'in', ids)
				.execute();
			return (
				rows.length === new Set(ids).size && rows.every((r) => r.evaluation_id === evaluationId)
			);
		};
		if (
			!(await allOwned('improvement', input.improvementIds)) ||
			!(await allOwned('recommendation', input.recommendationIds))
		) {
			throw new DomainError('ap.errors.foreignLink', 'links');
		}
		const values = {
			title: input.title,
			description: input.description,
			owner_role: input.ownerRole,
			start_date: input.startDate,
			target_date: input.targetDate,
			status: input.status
		};
		let itemId: number;
		let before: Record<string, unknown> | null = null;
		if (id === null) {
			itemId = (
				await trx
					.insertInto('action_item')
					.values({
						evaluation_id: evaluationId,
						created_by: actor.id,
						subarea_id: input.origin?.subareaId ?? null,
						self_assessment_id: input.origin?.selfAssessmentId ?? null,
						...values
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		} else {
			await ensureOwned(trx, 'action_item', id, evaluationId);
			before = (await saveVersioned(trx, 'action_item', { id }, values, expectedVersion)).before;
			itemId = id;
			await trx.deleteFrom('action_item_link').where('action_item_id', '=', id).execute();
		}
		const links = [
			...[...new Set(input.improvementIds)].map((improvement_id) => ({
				action_item_id: itemId,
				improvement_id,
				recommendation_id: null
			})),
			...[...new Set(input.recommendationIds)].map((recommendation_id) => ({
				action_item_id: itemId,
				improvement_id: null,
				recommendation_id
			}))
		];
		await trx.insertInto('action_item_link').values(links).execute();
		await recordAudit(trx, {
			actor,
			entity: 'action_item',
			entityId: itemId,
			evaluationId,
			action: id === null ? 'create' : 'update',
			before: before ?? undefined,
			after: input
		});
		return itemId;
	});
}

export async function addProgressNote(
	db: Database,
	actor: Actor & { id: number | null },
	evaluationId: number,
	actionItemId: number,
	notedOn: string,
	text: string
) {
	if (!text.trim()) throw new DomainError('errors.required', 'text');
	await db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'action_item', actionItemId, evaluationId);
		const row = await trx
			.insertInto('action_progress_note')
			.values({
				action_item_id: actionItemId,
				noted_on: notedOn,
				text: text.trim(),
				created_by: actor.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'action_progress_note',
			entityId: row.id,
			evaluationId,
			action: 'create',
			after: { notedOn, text }
		});
	});
}

/** Refused once a later evaluation builds on this one: close the action (avbruten) instead. */
export async function deleteActionItem(
	db: Database,
	actor: Actor,
	evaluationId: number,
	actionItemId: number
) {
	return db.transaction().execute(async (trx) => {
		await ensureOwned(trx, 'action_item', actionItemId, evaluationId);
		const owner = await trx
			.selectFrom('action_item')
			.selectAll()
			.where('id', '=', actionItemId)
			.executeTakeFirstOrThrow();
		const later = await trx
			.selectFrom('evaluation')
			.select('id')
			.where('previous_evaluation_id', '=', evaluationId)
			.executeTakeFirst();
		if (later) throw new DomainError('ap.errors.referenced', '_form', 409);
		const [links, notes] = await Promise.all([
			trx
				.selectFrom('action_item_link')
				.selectAll()
				.where('action_item_id', '=', actionItemId)
				.execute(),
			trx
				.selectFrom('action_progress_note')
				.selectAll()
				.where('action_item_id', '=', actionItemId)
				.execute()
		]);
		const undoId = await keepForUndo(trx, actor, {
			evaluationId,
			entity: 'action_item',
			entityId: actionItemId,
			rows: { action_item: [owner], action_item_link: links, action_progress_note: notes }
		});
		await trx.deleteFrom('action_item').where('id', '=', actionItemId).execute();
		await recordAudit(trx, {
			actor,
			entity: 'action_item',
			entityId: actionItemId,
			evaluationId,
			action: 'delete',
			before: owner
		});
		return undoId;
	});
}

export async function setActionPlanPublic(
	db: Database,
	actor: Actor,
	evaluationId: number,
	isPublic: boolean
) {
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('evaluation')
			.set({ action_plan_public: isPublic })
			.where('id', '=', evaluationId)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: 'evaluation.action_plan_public',
			entityId: evaluationId,
			evaluationId,
			action: 'update',
			after: isPublic
		});
	});
}

/** The improvement rows of an evaluation with the statuses of actions linked to each. */
export async function listImprovementsWithActions(db: Database, evaluationId: number) {
	const [improvements, items] = await Promise.all([
		db
			.selectFrom('improvement')
			.select(['id', 'area_id as areaId', 'text'])
			.where('evaluation_id', '=', evaluationId)
			.orderBy('position')
			.orderBy('id')
			.execute(),
		listActionItems(db, evaluationId)
	]);
	return improvements.map((imp) => ({
		...imp,
		actions: items
			.filter((i) => i.improvementIds.includes(imp.id))
			.map((i) => ({ id: i.id, title: i.title, status: i.status, targetDate: i.targetDate }))
	}));
}

/**
 * The actions of a municipality's published evaluations whose action plan it chose to publish,
 * oldest evaluation first: the public timeline on /kommuner/[code].
 */
export async function listPublicActionItems(db: Database, municipalityCode: string) {
	return db
		.selectFrom('action_item as a')
		.innerJoin('evaluation as e', 'e.id', 'a.evaluation_id')
		.select(['e.year', 'a.title', 'a.status', 'a.target_date as targetDate'])
		.where('e.municipality_code', '=', municipalityCode)
		.where('e.status', '=', 'publicerad')
		.where('e.action_plan_public', '=', true)
		.orderBy('e.year')
		.orderBy('a.id')
		.execute();
}
