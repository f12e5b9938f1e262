/**
 * A self-assessment's scoring: each member's blind sheet, handing it in, the sheets the group
 * sees once all are in, the agreed scores and finishing. The self-assessment itself, its group
 * and its sharing are in self-assessments.ts.
 */
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { ensureWithinLimit, saveVersioned } from '../db/versioned';
import { DomainError } from '../errors';
import { listMembers } from './self-assessments';
import { textLimits } from '$lib/domain/limits';
import { findSubarea, type Rubric } from '$lib/domain/rubric';
import { unscoredSubareas } from '$lib/domain/scoring';

export interface SelfScore {
	subareaId: string;
	points: number | null;
	comment: string;
	rowVersion: number;
}

/** One member's own sheet: whether handed in, and the scores. */
export async function loadOwnSelfSheet(db: Database, id: number, userId: number) {
	const member = await db
		.selectFrom('self_assessment_member')
		.select('submitted_at as submittedAt')
		.where('self_assessment_id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	const scores = member
		? await db
				.selectFrom('self_assessment_score')
				.select(['subarea_id as subareaId', 'points', 'comment', 'row_version as rowVersion'])
				.where('self_assessment_id', '=', id)
				.where('user_id', '=', userId)
				.execute()
		: [];
	return {
		member: Boolean(member),
		submittedAt: member?.submittedAt ?? null,
		scores: Object.fromEntries(scores.map((s) => [s.subareaId, s])) as Record<string, SelfScore>
	};
}

/** Refuses a subarea the rubric lacks, points outside its scale, or too long a comment. */
function checkScore(rubric: Rubric, input: ScoreInput) {
	const subarea = findSubarea(rubric, input.subareaId);
	if (!subarea) throw new DomainError('ws.errors.unknownSubarea', 'subareaId', 404);
	const { points } = input;
	if (points !== null && (!Number.isInteger(points) || points < 0 || points > subarea.maxPoints))
		throw new DomainError('sa.errors.pointsRange', 'points', 400, { max: subarea.maxPoints });
	ensureWithinLimit(input.comment, textLimits.justification, 'justification');
}

type ScoreInput = {
	subareaId: string;
	points: number | null;
	comment: string;
	expectedVersion: number;
};

/**
 * Saves one subarea's row of a self-assessment (version-checked) with its audit row, which names
 * the subarea but keeps the points and comment out: the programme's audit log must not show the
 * municipality's private scores. `firstSave` is the action a save without a row before is audited as.
 */
async function saveSubareaRow(
	db: Database,
	actor: Actor,
	table: 'self_assessment_score' | 'self_assessment_agreed',
	key: { self_assessment_id: number; subarea_id: string; user_id?: number },
	values: Record<string, unknown>,
	expectedVersion: number,
	firstSave: 'create' | 'update'
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const { version, before } = await saveVersioned(trx, table, key, values, expectedVersion);
		await recordAudit(trx, {
			actor,
			entity: table,
			entityId: `${key.self_assessment_id}:${key.subarea_id}`,
			action: before ? 'update' : firstSave
		});
		return version;
	});
}

/**
 * Saves one score of one's own blind sheet (version-checked); the audit row keeps the points and
 * comment out (see saveSubareaRow).
 */
export async function saveSelfScore(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number,
	input: ScoreInput
): Promise<number> {
	checkScore(rubric, input);
	const sheet = await loadOwnSelfSheet(db, id, actor.id);
	if (!sheet.member) throw new DomainError('sa.errors.notMember', '_form', 403);
	if (sheet.submittedAt) throw new DomainError('ws.errors.sheetSubmitted', '_form', 409);
	return saveSubareaRow(
		db,
		actor,
		'self_assessment_score',
		{ self_assessment_id: id, user_id: actor.id, subarea_id: input.subareaId },
		{ points: input.points, comment: input.comment, updated_at: new Date() },
		input.expectedVersion,
		'update'
	);
}

/**
 * Hands in one's sheet (every subarea scored). When the last member hands in, the group moves on
 * to agreeing: the sheets become visible to each other.
 */
export async function submitSelfSheet(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number
): Promise<void> {
	const sheet = await loadOwnSelfSheet(db, id, actor.id);
	if (!sheet.member) throw new DomainError('sa.errors.notMember', '_form', 403);
	if (unscoredSubareas(rubric, sheet.scores).length)
		throw new DomainError('ws.errors.sheetIncomplete', '_form');
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('self_assessment_member')
			.set({ submitted_at: new Date() })
			.where('self_assessment_id', '=', id)
			.where('user_id', '=', actor.id)
			.where('submitted_at', 'is', null)
			.execute();
		// Lock the row so two last hand-ins at once both see each other's.
		await trx.selectFrom('self_assessment').select('id').where('id', '=', id).forUpdate().execute();
		const open = await trx
			.selectFrom('self_assessment_member')
			.select('user_id')
			.where('self_assessment_id', '=', id)
			.where('submitted_at', 'is', null)
			.execute();
		if (!open.length)
			await trx
				.updateTable('self_assessment')
				.set({ status: 'samsyn' })
				.where('id', '=', id)
				.where('status', '=', 'poangsattning')
				.execute();
		await recordAudit(trx, {
			actor,
			entity: 'self_assessment',
			entityId: id,
			action: 'submit'
		});
	});
}

/**
 * The group's sheets a reader may see: every one once all are handed in (`selfAssessment.compare`),
 * otherwise the reader's own at most. Filtered in SQL, as the evaluators' sheets are.
 */
export async function listSelfSheets(
	db: Database,
	id: number,
	visible: { all: true } | { all: false; ownerId: number | null }
) {
	const onlyOwner = visible.all ? undefined : (visible.ownerId ?? -1);
	const members = (await listMembers(db, id)).filter(
		(m) => onlyOwner === undefined || m.userId === onlyOwner
	);
	const scores = members.length
		? await db
				.selectFrom('self_assessment_score')
				.select(['user_id', 'subarea_id', 'points', 'comment'])
				.where('self_assessment_id', '=', id)
				.where(
					'user_id',
					'in',
					members.map((m) => m.userId)
				)
				.execute()
		: [];
	return members.map((m) => ({
		...m,
		scores: Object.fromEntries(
			scores
				.filter((s) => s.user_id === m.userId)
				.map((s) => [s.subarea_id, { points: s.points, comment: s.comment }])
		) as Record<string, { points: number | null; comment: string }>
	}));
}

export interface SelfAgreed {
	subareaId: string;
	points: number;
	comment: string;
	rowVersion: number;
}

export async function listSelfAgreed(
	db: Database,
	id: number
): Promise<Record<string, SelfAgreed>> {
	const rows = await db
		.selectFrom('self_assessment_agreed')
		.select(['subarea_id as subareaId', 'points', 'comment', 'row_version as rowVersion'])
		.where('self_assessment_id', '=', id)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.subareaId, r]));
}

/** Records the group's agreed score (version-checked). */
export async function saveSelfAgreed(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number,
	input: ScoreInput
): Promise<number> {
	if (input.points === null) throw new DomainError('sa.errors.pointsRequired', 'points');
	checkScore(rubric, input);
	return saveSubareaRow(
		db,
		actor,
		'self_assessment_agreed',
		{ self_assessment_id: id, subarea_id: input.subareaId },
		{
			points: input.points,
			comment: input.comment.trim(),
			updated_by: actor.id,
			updated_at: new Date()
		},
		input.expectedVersion,
		'create'
	);
}

/** Marks the self-assessment done: every subarea needs an agreed score. */
export async function finishSelfAssessment(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number
): Promise<void> {
	const agreed = await listSelfAgreed(db, id);
	const missing = unscoredSubareas(rubric, agreed);
	if (missing.length)
		throw new DomainError('sa.errors.notAllAgreed', '_form', 400, { n: missing.length });
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('self_assessment')
			.set({ status: 'klar' })
			.where('id', '=', id)
			.where('status', '=', 'samsyn')
			.execute();
		await recordAudit(trx, { actor, entity: 'self_assessment', entityId: id, action: 'finish' });
	});
}
