/**
 * What the sheet grid shows beside each score: how many evidence items back a subarea, and, on a
 * re-evaluation on the same rubric, the score the subarea had last time.
 */
import type { Database } from '../db';
import type { EvaluationContent } from '$lib/domain/evaluation-content';

/** Evidence items per subarea of an evaluation. */
export async function countEvidenceBySubarea(
	db: Database,
	evaluationId: number
): Promise<Record<string, number>> {
	const rows = await db
		.selectFrom('evidence_subarea as es')
		.innerJoin('evidence as e', 'e.id', 'es.evidence_id')
		.select(['es.subarea_id as subareaId', (eb) => eb.fn.countAll<number>().as('n')])
		.where('e.evaluation_id', '=', evaluationId)
		.groupBy('es.subarea_id')
		.execute();
	return Object.fromEntries(rows.map((r) => [r.subareaId, Number(r.n)]));
}

/**
 * The previous evaluation's published subarea scores, when this evaluation re-evaluates one on
 * the same rubric (across rubric versions subareas do not map, so there is nothing to show).
 */
export async function loadPreviousScores(
	db: Database,
	evaluationId: number
): Promise<{ year: number; scores: Record<string, number> } | null> {
	const previous = await db
		.selectFrom('evaluation as e')
		.innerJoin('published_result as p', 'p.evaluation_id', 'e.previous_evaluation_id')
		.select(['p.year', 'p.rubric_id as previousRubricId', 'e.rubric_id as rubricId', 'p.content'])
		.where('e.id', '=', evaluationId)
		.where('p.is_current', '=', true)
		.executeTakeFirst();
	if (!previous || previous.previousRubricId !== previous.rubricId) return null;
	const content = previous.content as EvaluationContent;
	const scores = Object.fromEntries(
		Object.entries(content.scores ?? {}).filter(([, v]) => typeof v === 'number')
	) as Record<string, number>;
	return { year: previous.year, scores };
}
