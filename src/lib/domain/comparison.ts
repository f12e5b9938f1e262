/**
 * Comparisons of published results: national averages, ranks, relative strengths and weaknesses,
 * and change between two evaluations (within one rubric version, or across versions using the
 * rubric's mapping). Pure. The national average itself is computed once, in SQL
 * (server/published/comparisons.ts, tested in tests/db/national-average.test.ts); this module only
 * applies `minEvaluations` to it and compares against it.
 */
import type { Rubric } from './rubric';

/** A published result at the levels it is known at. */
export interface ResultLevels {
	municipalityCode: string;
	year: number;
	subareaScores: Record<string, number> | null;
	areaScores: Record<string, number> | null;
	total: number | null;
}

/** A mean with the number of evaluations behind it; `mean` is null below `minEvaluations`. */
export interface MeanWithN {
	mean: number | null;
	n: number;
}

/**
 * Which evaluations an average counts: `latest` ("kommunsnitt", the default) each municipality
 * once with its latest published evaluation on the rubric; `all` every published evaluation, so a
 * municipality evaluated often weighs more.
 */
export type AverageMode = 'latest' | 'all';

/**
 * Below this many evaluations a figure is not an average: with one evaluation it is that
 * municipality itself. The figure keeps its n so pages can say why it is missing.
 */
export const minEvaluations = 3;

/**
 * The version of the rules behind the stored `published_aggregate` figures (`minEvaluations`,
 * `thresholdAverage`, `rankOf`'s inputs, the SQL in server/published/comparisons.ts). Bump it
 * when the rule changes (or the shape of the stored figures): rows stored under another version
 * are never served, each is computed again on its next read, so no migration has to drop them.
 */
export const aggregateRuleVersion = 1;

export interface NationalAverage {
	rubric: string;
	mode: AverageMode;
	/** Evaluations counted (at any level). */
	count: number;
	/** Municipalities behind them. */
	municipalities: number;
	areas: Record<string, MeanWithN>;
	subareas: Record<string, MeanWithN>;
	total: MeanWithN;
}

/** The figure as shown: the mean only from `minEvaluations` evaluations on, always with its n. */
export function thresholded(figure: MeanWithN): MeanWithN {
	return figure.n < minEvaluations ? { mean: null, n: figure.n } : figure;
}

/** Applies `thresholded` to every figure of an average computed without it (e.g. in SQL). */
export function thresholdAverage(average: NationalAverage): NationalAverage {
	const each = (figures: Record<string, MeanWithN>) =>
		Object.fromEntries(Object.entries(figures).map(([id, f]) => [id, thresholded(f)]));
	return {
		...average,
		areas: each(average.areas),
		subareas: each(average.subareas),
		total: thresholded(average.total)
	};
}

/** Competition ranking (1 = highest; equal totals share a rank) among the given totals. */
export function rankOf(total: number, totals: number[]): { rank: number; of: number } | null {
	// A rank among fewer than `minEvaluations` says nothing a reader can trust: left out.
	if (totals.length < minEvaluations) return null;
	return { rank: totals.filter((t) => t > total).length + 1, of: totals.length };
}

export interface RelativePosition {
	level: 'area' | 'subarea';
	id: string;
	title: string;
	achieved: number;
	max: number;
	average: number;
	/** (achieved − average) / max: positive above the average, as share of the maximum. */
	difference: number;
}

/**
 * The areas and subareas furthest above and below the average, as share of their maximum, so a
 * 30-point subarea and a 10-point one compare fairly.
 */
export function relativeStrengths(
	rubric: Rubric,
	result: ResultLevels,
	average: NationalAverage,
	count = 3
): { strengths: RelativePosition[]; weaknesses: RelativePosition[] } {
	const positions: RelativePosition[] = [];
	for (const area of rubric.areas) {
		const achieved = result.areaScores?.[area.id];
		const avg = average.areas[area.id]?.mean;
		if (achieved !== undefined && avg !== null && avg !== undefined) {
			positions.push({
				level: 'area',
				id: area.id,
				title: area.title,
				achieved,
				max: area.maxPoints,
				average: avg,
				difference: (achieved - avg) / area.maxPoints
			});
		}
		for (const s of area.subareas) {
			const a = result.subareaScores?.[s.id];
			const m = average.subareas[s.id]?.mean;
			if (a !== undefined && m !== null && m !== undefined) {
				positions.push({
					level: 'subarea',
					id: s.id,
					title: s.title,
					achieved: a,
					max: s.maxPoints,
					average: m,
					difference: (a - m) / s.maxPoints
				});
			}
		}
	}
	const sorted = [...positions].sort((x, y) => y.difference - x.difference);
	return {
		strengths: sorted.filter((p) => p.difference > 0).slice(0, count),
		weaknesses: sorted
			.filter((p) => p.difference < 0)
			.reverse()
			.slice(0, count)
	};
}

export interface Change {
	sameRubric: boolean;
	total: { from: number | null; to: number | null; change: number | null; approximate: boolean };
	areas: {
		id: string;
		title: string;
		fromIds: string[];
		from: number | null;
		to: number | null;
		change: number | null;
		approximate: boolean;
	}[];
	subareas: {
		id: string;
		title: string;
		from: number | null;
		to: number | null;
		change: number | null;
	}[];
}

const diff = (from: number | null | undefined, to: number | null | undefined) =>
	from === null || from === undefined || to === null || to === undefined ? null : to - from;

/**
 * Change from an earlier result to a later one. On the same rubric: per area and subarea. Across
 * versions: the total (with a caveat) and only the areas the later rubric maps from the earlier
 * one, flagged approximate; no subareas.
 */
export function changeBetween(
	earlier: { rubric: Rubric; result: ResultLevels },
	later: { rubric: Rubric; result: ResultLevels }
): Change {
	const same = earlier.rubric.id === later.rubric.id;
	const total = {
		from: earlier.result.total,
		to: later.result.total,
		change: diff(earlier.result.total, later.result.total),
		approximate: !same
	};
	if (same) {
		return {
			sameRubric: true,
			total,
			areas: later.rubric.areas.map((a) => ({
				id: a.id,
				title: a.title,
				fromIds: [a.id],
				from: earlier.result.areaScores?.[a.id] ?? null,
				to: later.result.areaScores?.[a.id] ?? null,
				change: diff(earlier.result.areaScores?.[a.id], later.result.areaScores?.[a.id]),
				approximate: false
			})),
			subareas: later.rubric.areas
				.flatMap((a) => a.subareas)
				.map((s) => ({
					id: s.id,
					title: s.title,
					from: earlier.result.subareaScores?.[s.id] ?? null,
					to: later.result.subareaScores?.[s.id] ?? null,
					change: diff(earlier.result.subareaScores?.[s.id], later.result.subareaScores?.[s.id])
				}))
		};
	}
	const mapping = mappingBetween(earlier.rubric.id, later.rubric);
	const areas: Change['areas'] = [];
	for (const a of later.rubric.areas) {
		const fromIds = mapping?.[a.id] ?? [];
		if (fromIds.length !== 1) continue;
		const from = earlier.result.areaScores?.[fromIds[0]] ?? null;
		const to = later.result.areaScores?.[a.id] ?? null;
		areas.push({
			id: a.id,
			title: a.title,
			fromIds,
			from,
			to,
			change: diff(from, to),
			approximate: true
		});
	}
	return { sameRubric: false, total, areas, subareas: [] };
}

/** The later rubric's mapping from the earlier one, if it declares one directly. */
function mappingBetween(earlierId: string, later: Rubric): Record<string, string[]> | null {
	return later.mapsFrom?.rubric === earlierId ? later.mapsFrom.areas : null;
}

/**
 * A result's area points on a newer rubric through the rubrics' declared mappings (one area to
 * one area at each step, followed back through intermediate versions). Null when the result has
 * no area points or no mapping leads from its rubric to the target; areas without a one-to-one
 * mapping are left out. Always approximate: the criteria changed between the versions.
 */
export function areasOnRubric(
	target: Rubric,
	fromRubricId: string,
	areaScores: Record<string, number> | null,
	rubricById: ReadonlyMap<string, Rubric>
): Record<string, number> | null {
	if (!areaScores) return null;
	if (target.id === fromRubricId) return areaScores;
	const mapping = target.mapsFrom;
	if (!mapping) return null;
	const source = rubricById.get(mapping.rubric);
	if (!source) return null;
	const onSource = areasOnRubric(source, fromRubricId, areaScores, rubricById);
	if (!onSource) return null;
	const mapped: Record<string, number> = {};
	for (const a of target.areas) {
		const fromIds = mapping.areas[a.id] ?? [];
		if (fromIds.length === 1 && fromIds[0] in onSource) mapped[a.id] = onSource[fromIds[0]];
	}
	return Object.keys(mapped).length ? mapped : null;
}

/**
 * The result a municipality's profile shows: its latest on the newest rubric version that it has
 * area points on; undefined without area points.
 */
export function profiledResult<T extends ResultLevels & { rubricId: string }>(
	results: T[],
	rubricYear: (rubricId: string) => number
): T | undefined {
	return [...results]
		.filter((r) => r.areaScores)
		.sort((a, b) => rubricYear(b.rubricId) - rubricYear(a.rubricId) || b.year - a.year)[0];
}
