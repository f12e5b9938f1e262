import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import type { Rubric } from '$lib/domain/rubric';
import type { EvaluationContent } from '$lib/domain/evaluation-content';
import { areaScoresOf, computeTotals, hasSubareasScored, sumAreas } from '$lib/domain/published';

/**
 * Writes a new published version of an evaluation: the previous current version is kept but no
 * longer current, and the new one carries its content snapshot and the derived score rows the
 * public pages and averages read. Call inside the transaction that changes the evaluation.
 */
export async function insertPublishedVersion(
	trx: Transaction<DB>,
	input: {
		evaluationId: number;
		rubric: Rubric;
		content: EvaluationContent;
		errataReason?: string | null;
		publishedAt?: Date;
	}
): Promise<{ id: number; version: number }> {
	const { evaluationId, rubric, content } = input;
	const previous = await trx
		.selectFrom('published_result')
		.select(['id', 'version'])
		.where('evaluation_id', '=', evaluationId)
		.orderBy('version', 'desc')
		.executeTakeFirst();
	if (previous) {
		await trx
			.updateTable('published_result')
			.set({ is_current: false })
			.where('evaluation_id', '=', evaluationId)
			.execute();
	}
	const levels = derivedLevels(rubric, content);
	const version = (previous?.version ?? 0) + 1;
	const { id } = await trx
		.insertInto('published_result')
		.values({
			evaluation_id: evaluationId,
			version,
			is_current: true,
			municipality_code: content.municipality.code,
			year: content.year,
			rubric_id: rubric.id,
			total: levels.total,
			has_subarea_scores: levels.subareaScores !== null,
			has_area_scores: levels.areaScores !== null,
			content: JSON.stringify(content),
			errata_reason: input.errataReason ?? null,
			...(input.publishedAt ? { published_at: input.publishedAt } : {})
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (levels.subareaScores) {
		await trx
			.insertInto('published_subarea_score')
			.values(
				Object.entries(levels.subareaScores).map(([subarea_id, points]) => ({
					published_result_id: id,
					subarea_id,
					points
				}))
			)
			.execute();
	}
	if (levels.areaScores) {
		await trx
			.insertInto('published_area_score')
			.values(
				Object.entries(levels.areaScores).map(([area_id, points]) => ({
					published_result_id: id,
					area_id,
					points
				}))
			)
			.execute();
	}
	return { id, version };
}

/** The levels a published content has: subareas (all scored), areas, total. */
function derivedLevels(rubric: Rubric, content: EvaluationContent) {
	if (hasSubareasScored(rubric, content.scores)) {
		const totals = computeTotals(rubric, content.scores);
		return {
			subareaScores: content.scores as Record<string, number>,
			areaScores: areaScoresOf(totals),
			total: totals.total
		};
	}
	if (content.areaScores && Object.keys(content.areaScores).length === rubric.areas.length) {
		return {
			subareaScores: null,
			areaScores: content.areaScores,
			total: sumAreas(content.areaScores)
		};
	}
	return { subareaScores: null, areaScores: null, total: content.total ?? null };
}

/** The current published version of an evaluation: its id, content snapshot and date. */
export async function findCurrentPublishedVersion(db: Database, evaluationId: number) {
	const row = await db
		.selectFrom('published_result')
		.select(['id', 'content', 'published_at as publishedAt'])
		.where('evaluation_id', '=', evaluationId)
		.where('is_current', '=', true)
		.executeTakeFirst();
	return row && { ...row, content: row.content as EvaluationContent };
}

/** The content snapshots of these published versions, by published result id. */
export async function loadPublishedContents(
	db: Database,
	publishedResultIds: number[]
): Promise<Map<number, EvaluationContent>> {
	const rows = publishedResultIds.length
		? await db
				.selectFrom('published_result')
				.select(['id', 'content'])
				.where('id', 'in', publishedResultIds)
				.execute()
		: [];
	return new Map(rows.map((r) => [r.id, r.content as EvaluationContent]));
}

/**
 * The workspace evaluation behind a public report of a municipality and year: the current
 * version with subarea scores, newest rubric first; undefined when there is none.
 */
export async function findReportEvaluationId(
	db: Database,
	municipalityCode: string,
	year: number
): Promise<number | undefined> {
	const row = await db
		.selectFrom('published_result')
		.select(['evaluation_id'])
		.where('municipality_code', '=', municipalityCode)
		.where('year', '=', year)
		.where('is_current', '=', true)
		.where('has_subarea_scores', '=', true)
		.orderBy('rubric_id', 'desc')
		.executeTakeFirst();
	return row?.evaluation_id;
}
