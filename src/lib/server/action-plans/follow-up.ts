/**
 * What a re-evaluation's team sees of the previous evaluation: as context, never copied into the
 * new scores. Same rubric: the subarea's earlier score, narrative and the area's improvement
 * possibilities with action status. Across versions: the mapped area's earlier points only.
 */
import type { Database } from '../db';
import type { FollowUpJudgement } from './tables';
import { recordAudit, type Actor } from '../accounts/audit';
import { getRubricOrThrow } from '../register/rubrics';
import { listImprovementsWithActions } from './action-plans';
import { saveVersioned } from '../db/versioned';
import { DomainError } from '../errors';
import { areaOfSubarea } from '$lib/domain/rubric';
import type { EvaluationContent } from '$lib/domain/evaluation-content';

export interface PreviousContext {
	year: number;
	rubricTitle: string;
	sameRubric: boolean;
	score: { points: number; max: number } | null;
	narrative: string | null;
	area: { id: string; title: string; points: number | null; fromIds: string[] } | null;
	improvements: {
		id: number;
		text: string;
		actions: { title: string; status: string; targetDate: string | null }[];
	}[];
}

/** The current published version of the evaluation this one re-evaluates, if any: one query. */
async function findPreviousPublished(db: Database, evaluationId: number) {
	return db
		.selectFrom('evaluation as e')
		.innerJoin('published_result as p', 'p.evaluation_id', 'e.previous_evaluation_id')
		.select([
			'p.id',
			'p.evaluation_id as evaluationId',
			'p.year',
			'p.rubric_id',
			'p.content',
			'e.rubric_id as currentRubricId'
		])
		.where('e.id', '=', evaluationId)
		.where('p.is_current', '=', true)
		.executeTakeFirst();
}

/**
 * The previous evaluation's published subarea scores, for the sheet grid and calibration, when
 * this evaluation re-evaluates one on the same rubric (across versions subareas do not map).
 */
export async function loadPreviousScores(
	db: Database,
	evaluationId: number
): Promise<{ year: number; scores: Record<string, number> } | null> {
	const previous = await findPreviousPublished(db, evaluationId);
	if (!previous || previous.rubric_id !== previous.currentRubricId) return null;
	const content = previous.content as EvaluationContent;
	const scores = Object.fromEntries(
		Object.entries(content.scores ?? {}).filter(([, v]) => typeof v === 'number')
	) as Record<string, number>;
	return { year: previous.year, scores };
}

export async function loadPreviousContext(
	db: Database,
	evaluationId: number,
	subareaId: string
): Promise<PreviousContext | null> {
	const previous = await findPreviousPublished(db, evaluationId);
	if (!previous) return null;
	const [rubric, earlierRubric] = await Promise.all([
		getRubricOrThrow(db, previous.currentRubricId),
		getRubricOrThrow(db, previous.rubric_id)
	]);
	const content = previous.content as EvaluationContent;
	const area = areaOfSubarea(rubric, subareaId);
	const areaPoints = await db
		.selectFrom('published_area_score')
		.select(['area_id', 'points'])
		.where('published_result_id', '=', previous.id)
		.execute();
	const same = rubric.id === earlierRubric.id;
	const fromIds = same
		? area
			? [area.id]
			: []
		: rubric.mapsFrom?.rubric === earlierRubric.id && area
			? (rubric.mapsFrom.areas[area.id] ?? [])
			: [];
	const improvements =
		same && area
			? (await listImprovementsWithActions(db, previous.evaluationId)).filter(
					(i) => i.areaId === area.id
				)
			: [];
	const earlierArea =
		fromIds.length === 1 ? earlierRubric.areas.find((a) => a.id === fromIds[0]) : undefined;
	const max =
		rubric.areas.flatMap((a) => a.subareas).find((s) => s.id === subareaId)?.maxPoints ?? 0;
	return {
		year: previous.year,
		rubricTitle: earlierRubric.title,
		sameRubric: same,
		score:
			same && typeof content.scores[subareaId] === 'number'
				? { points: content.scores[subareaId] as number, max }
				: null,
		narrative: same && area ? (content.areas[area.id]?.narratives[subareaId] ?? null) : null,
		area: earlierArea
			? {
					id: earlierArea.id,
					title: earlierArea.title,
					points: areaPoints.find((a) => a.area_id === earlierArea.id)?.points ?? null,
					fromIds
				}
			: null,
		improvements: improvements.map((i) => ({ id: i.id, text: i.text, actions: i.actions }))
	};
}

export async function listFollowUps(db: Database, evaluationId: number) {
	const rows = await db
		.selectFrom('improvement_follow_up')
		.select([
			'improvement_id as improvementId',
			'judgement',
			'comment',
			'row_version as rowVersion'
		])
		.where('evaluation_id', '=', evaluationId)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.improvementId, r]));
}

/** The team judges an earlier improvement possibility: åtgärdad, delvis or kvarstår. */
export async function saveFollowUp(
	db: Database,
	actor: Actor,
	evaluationId: number,
	improvementId: number,
	judgement: FollowUpJudgement,
	comment: string,
	expectedVersion: number
) {
	return db.transaction().execute(async (trx) => {
		const e = await trx
			.selectFrom('evaluation')
			.select(['previous_evaluation_id', 'municipality_code'])
			.where('id', '=', evaluationId)
			.executeTakeFirstOrThrow();
		const imp = await trx
			.selectFrom('improvement')
			.select('evaluation_id')
			.where('id', '=', improvementId)
			.executeTakeFirst();
		if (!imp || imp.evaluation_id !== e.previous_evaluation_id)
			throw new DomainError('ap.errors.foreignLink', 'improvementId');
		const { version } = await saveVersioned(
			trx,
			'improvement_follow_up',
			{ evaluation_id: evaluationId, improvement_id: improvementId },
			{ judgement, comment },
			expectedVersion
		);
		await recordAudit(trx, {
			actor,
			entity: 'improvement_follow_up',
			entityId: `${evaluationId}:${improvementId}`,
			evaluationId,
			action: 'update',
			after: { judgement, comment }
		});
		return version;
	});
}
