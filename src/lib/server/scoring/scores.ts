import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { ensureWithinLimit, saveVersioned, saveVersionedAudited } from '../db/versioned';
import { DomainError } from '../errors';
import type { OwnSheet } from '../evaluations/scope';
import { textLimits } from '$lib/domain/limits';
import { unscoredSubareas } from '$lib/domain/scoring';
import type { Rubric } from '$lib/domain/rubric';
import { findSubarea } from '$lib/domain/rubric';
import type { SheetVisibility } from '../auth/policy';

export interface SheetScore {
	subareaId: string;
	points: number | null;
	justification: string;
	rowVersion: number;
}

async function sheetOf(db: Database, evaluationId: number, userId: number) {
	return db
		.selectFrom('score_sheet')
		.select(['id', 'submitted_at as submittedAt'])
		.where('evaluation_id', '=', evaluationId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

/** One evaluator's own sheet, created on first use: its id and whether it is handed in. */
async function ensureOwnSheet(db: Database, evaluationId: number, userId: number) {
	const sheet = await sheetOf(db, evaluationId, userId);
	if (sheet) return sheet;
	await db
		.insertInto('score_sheet')
		.values({ evaluation_id: evaluationId, user_id: userId })
		.onConflict((oc) => oc.columns(['evaluation_id', 'user_id']).doNothing())
		.execute();
	return (await sheetOf(db, evaluationId, userId))!;
}

/** One evaluator's own sheet (created on first use) with its scores. */
export async function loadOwnSheet(db: Database, evaluationId: number, userId: number) {
	const sheet = await ensureOwnSheet(db, evaluationId, userId);
	const scores = await db
		.selectFrom('sheet_score')
		.select(['subarea_id as subareaId', 'points', 'justification', 'row_version as rowVersion'])
		.where('sheet_id', '=', sheet.id)
		.execute();
	return {
		id: sheet.id,
		submittedAt: sheet.submittedAt,
		scores: Object.fromEntries(scores.map((s) => [s.subareaId, s])) as Record<string, SheetScore>
	};
}

function checkPoints(rubric: Rubric, subareaId: string, points: number | null) {
	const subarea = findSubarea(rubric, subareaId);
	if (!subarea) throw new DomainError('ws.errors.unknownSubarea', 'subareaId', 404);
	if (points !== null && (!Number.isInteger(points) || points < 0 || points > subarea.maxPoints)) {
		// The message names the range ("0–20"): "the maximum" alone sends the user to look it up.
		throw new DomainError('ws.errors.pointsRange', 'points', 400, { max: subarea.maxPoints });
	}
	return subarea;
}

/**
 * Saves one score of one's own blind sheet; refused once the sheet is submitted or stale.
 * `sheet` is the user's sheet when the caller already has it (authorizeEvaluationRoute brings it
 * with the evaluation's scope); otherwise, or before the first save, it is looked up or created.
 * The usual save is then a single statement with its audit row (saveVersionedAudited); a first
 * save that raced another, or a stale one, takes the general path, which says which.
 */
export async function saveSheetScore(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	evaluationId: number,
	input: {
		subareaId: string;
		points: number | null;
		justification: string;
		expectedVersion: number;
	},
	sheet?: OwnSheet | null
): Promise<number> {
	checkPoints(rubric, input.subareaId, input.points);
	ensureWithinLimit(input.justification, textLimits.justification, 'justification');
	// Only the sheet's id and state: a save needs none of the other 35 scores.
	let own: OwnSheet;
	if (sheet) own = sheet;
	else {
		const created = await ensureOwnSheet(db, evaluationId, actor.id);
		own = { id: created.id, submitted: created.submittedAt !== null };
	}
	if (own.submitted) throw new DomainError('ws.errors.sheetSubmitted', '_form', 409);
	const key = { sheet_id: own.id, subarea_id: input.subareaId };
	const values = {
		points: input.points,
		justification: input.justification,
		updated_at: new Date()
	};
	const after = { points: input.points, justification: input.justification };
	const entry = {
		actor,
		entity: 'sheet_score',
		entityId: `${own.id}:${input.subareaId}`,
		evaluationId
	};
	const version = await saveVersionedAudited(
		db,
		'sheet_score',
		key,
		values,
		input.expectedVersion,
		{
			entry,
			beforeColumns: ['points', 'justification'],
			after,
			action: () => 'update'
		}
	);
	if (version !== null) return version;
	return db.transaction().execute(async (trx) => {
		const { version, before } = await saveVersioned(
			trx,
			'sheet_score',
			key,
			values,
			input.expectedVersion
		);
		await recordAudit(trx, {
			...entry,
			action: 'update',
			before: before ? { points: before.points, justification: before.justification } : undefined,
			after
		});
		return version;
	});
}

/** Submits one's sheet: every subarea needs points. After this, the other sheet becomes visible. */
export async function submitSheet(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	evaluationId: number
) {
	const sheet = await loadOwnSheet(db, evaluationId, actor.id);
	if (unscoredSubareas(rubric, sheet.scores).length)
		throw new DomainError('ws.errors.sheetIncomplete', '_form');
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('score_sheet')
			.set({ submitted_at: new Date() })
			.where('id', '=', sheet.id)
			.where('submitted_at', 'is', null)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: 'score_sheet',
			entityId: sheet.id,
			evaluationId,
			action: 'submit'
		});
	});
}

/**
 * The sheets of an evaluation that the reader may see (the policy's `sheetVisibility`): all of
 * them for calibration, otherwise the reader's own at most. Filtered in SQL, so a blind sheet
 * never reaches a page, a file or a log by mistake.
 */
export async function listSheets(db: Database, evaluationId: number, visible: SheetVisibility) {
	const onlyOwner = visible.all ? undefined : (visible.ownerId ?? -1);
	const sheets = await db
		.selectFrom('score_sheet as s')
		.innerJoin('app_user as u', 'u.id', 's.user_id')
		.select(['s.id', 's.user_id as userId', 'u.name', 'u.email', 's.submitted_at as submittedAt'])
		.where('s.evaluation_id', '=', evaluationId)
		.$if(onlyOwner !== undefined, (q) => q.where('s.user_id', '=', onlyOwner!))
		.orderBy('s.id')
		.execute();
	const scores = sheets.length
		? await db
				.selectFrom('sheet_score')
				.select(['sheet_id', 'subarea_id', 'points', 'justification'])
				.where(
					'sheet_id',
					'in',
					sheets.map((s) => s.id)
				)
				.execute()
		: [];
	return sheets.map((s) => ({
		...s,
		scores: Object.fromEntries(
			scores
				.filter((x) => x.sheet_id === s.id)
				.map((x) => [x.subarea_id, { points: x.points, justification: x.justification }])
		)
	}));
}

export interface AgreedScore {
	subareaId: string;
	points: number;
	justification: string;
	rowVersion: number;
}

export async function listAgreedScores(
	db: Database,
	evaluationId: number
): Promise<Record<string, AgreedScore>> {
	const rows = await db
		.selectFrom('agreed_score')
		.select(['subarea_id as subareaId', 'points', 'justification', 'row_version as rowVersion'])
		.where('evaluation_id', '=', evaluationId)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.subareaId, r]));
}

/** Records the team's agreed score; a justification is required. */
export async function saveAgreedScore(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	evaluationId: number,
	input: { subareaId: string; points: number; justification: string; expectedVersion: number }
): Promise<number> {
	checkPoints(rubric, input.subareaId, input.points);
	if (!input.justification.trim())
		throw new DomainError('ws.errors.justificationRequired', 'justification');
	ensureWithinLimit(input.justification, textLimits.justification, 'justification');
	return db.transaction().execute(async (trx) => {
		const { version, before } = await saveVersioned(
			trx,
			'agreed_score',
			{ evaluation_id: evaluationId, subarea_id: input.subareaId },
			{
				points: input.points,
				justification: input.justification.trim(),
				updated_by: actor.id,
				updated_at: new Date()
			},
			input.expectedVersion
		);
		await recordAudit(trx, {
			actor,
			entity: 'agreed_score',
			entityId: `${evaluationId}:${input.subareaId}`,
			evaluationId,
			action: before ? 'update' : 'create',
			before: before ? { points: before.points, justification: before.justification } : undefined,
			after: { points: input.points, justification: input.justification.trim() }
		});
		return version;
	});
}
