/** Helpers for the levels a published result is known at. */
import { listSubareas, type Rubric } from './rubric';
export { areaScoresOf, computeTotals, sumAreas } from './scoring';

/** Every subarea of the rubric has a score (a result known at subarea level). */
export function hasSubareasScored(rubric: Rubric, scores: Record<string, number | null>): boolean {
	const subareas = listSubareas(rubric);
	return subareas.length > 0 && subareas.every((s) => typeof scores[s.id] === 'number');
}
