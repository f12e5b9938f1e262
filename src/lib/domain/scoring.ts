/**
 * Derived points: area points are the sum of subarea scores and the total the sum of areas.
 * This is the one place that adds them up; nothing stores a typed total.
 */
import type { Rubric } from './rubric';

/** Subarea id → points; a missing or null entry means "not yet scored". */
export type SubareaScores = Record<string, number | null | undefined>;

export interface AreaPoints {
	areaId: string;
	title: string;
	max: number;
	/** Sum of the scored subareas; null when none is scored. */
	achieved: number | null;
	/** Every subarea of the area has a score. */
	complete: boolean;
	missing: string[];
}

export interface Totals {
	areas: AreaPoints[];
	/** Sum over the areas; null when nothing is scored. */
	total: number | null;
	max: number;
	complete: boolean;
	missing: string[];
}

/** Sums subarea scores into area points and a total (rubrics with subareas). */
export function computeTotals(rubric: Rubric, scores: SubareaScores): Totals {
	const areas = rubric.areas.map((area): AreaPoints => {
		let achieved: number | null = null;
		const missing: string[] = [];
		for (const subarea of area.subareas) {
			const points = scores[subarea.id];
			if (points === null || points === undefined) missing.push(subarea.id);
			else achieved = (achieved ?? 0) + points;
		}
		return {
			areaId: area.id,
			title: area.title,
			max: area.maxPoints,
			achieved,
			complete: area.subareas.length > 0 && missing.length === 0,
			missing
		};
	});
	const scored = areas.filter((a) => a.achieved !== null);
	return {
		areas,
		total: scored.length ? scored.reduce((acc, a) => acc + (a.achieved ?? 0), 0) : null,
		max: rubric.maxPoints,
		complete: areas.every((a) => a.complete),
		missing: areas.flatMap((a) => a.missing)
	};
}

/** Sums area points into a total (results known only at area level). */
export function sumAreas(areaScores: Record<string, number>): number {
	return Object.values(areaScores).reduce((acc, p) => acc + p, 0);
}

/** Area id → achieved, for complete areas only. */
export function areaScoresOf(totals: Totals): Record<string, number> {
	return Object.fromEntries(
		totals.areas.filter((a) => a.complete).map((a) => [a.areaId, a.achieved as number])
	);
}

/** Problems with one set of subarea scores against the rubric: unknown ids, out of range, non-integers. */
export function validateSubareaScores(
	rubric: Rubric,
	scores: Record<string, unknown>
): { subareaId: string; message: string }[] {
	const maxima = new Map(rubric.areas.flatMap((a) => a.subareas.map((s) => [s.id, s.maxPoints])));
	const problems: { subareaId: string; message: string }[] = [];
	for (const [id, value] of Object.entries(scores)) {
		const max = maxima.get(id);
		if (max === undefined) {
			problems.push({ subareaId: id, message: `okänt delområde ${id}` });
		} else if (value !== null && value !== undefined) {
			if (typeof value !== 'number' || !Number.isInteger(value)) {
				problems.push({ subareaId: id, message: `poängen måste vara ett heltal` });
			} else if (value < 0 || value > max) {
				problems.push({ subareaId: id, message: `poängen måste vara mellan 0 och ${max}` });
			}
		}
	}
	return problems;
}

/** The subareas a sheet has no points for yet, in rubric order (what blocks handing it in). */
export function unscoredSubareas(
	rubric: Rubric,
	scores: Record<string, { points: number | null } | undefined>
): string[] {
	return rubric.areas
		.flatMap((a) => a.subareas)
		.filter((s) => typeof scores[s.id]?.points !== 'number')
		.map((s) => s.id);
}
