/**
 * Self-assessment (självskattning): the municipality's own group scores each subarea blind, then
 * agrees, and compares the agreed result with the latest external evaluation. Pure: the stages,
 * the group's agreement (the evaluators' figures over every pair of members), the gap per
 * subarea, and the checks of the exchange file's sums.
 */
import { agreement, needsDiscussion, type Agreement, type ScorePair } from './agreement';
import type { Rubric } from './rubric';
import { areaScoresOf, computeTotals } from './scoring';

/** Scoring (blind), agreeing (every sheet handed in), done (every subarea agreed). */
export const selfAssessmentStatuses = ['poangsattning', 'samsyn', 'klar'] as const;
export type SelfAssessmentStatus = (typeof selfAssessmentStatuses)[number];

/** One member's sheet: subarea id → points (null or missing: not scored). */
export interface MemberSheet {
	userId: number;
	scores: Record<string, { points: number | null } | undefined>;
}

/**
 * The group's agreement: the evaluators' figures (exact share, mean absolute difference, weighted
 * kappa) pooled over every pair of members and every subarea both scored. With two members this
 * is exactly calibration's figure; with more, each pair counts once.
 */
export function groupAgreement(
	rubric: Rubric,
	sheets: MemberSheet[]
): { stats: Agreement; flagged: string[] } {
	const pairs: ScorePair[] = [];
	for (const area of rubric.areas) {
		for (const s of area.subareas) {
			for (let i = 0; i < sheets.length; i++) {
				for (let j = i + 1; j < sheets.length; j++) {
					const a = sheets[i].scores[s.id]?.points;
					const b = sheets[j].scores[s.id]?.points;
					if (typeof a === 'number' && typeof b === 'number')
						pairs.push({ subareaId: s.id, max: s.maxPoints, a, b });
				}
			}
		}
	}
	const flagged = new Set(pairs.filter(needsDiscussion).map((p) => p.subareaId));
	return {
		stats: agreement(pairs),
		flagged: rubric.areas
			.flatMap((a) => a.subareas.map((s) => s.id))
			.filter((id) => flagged.has(id))
	};
}

export interface GapRow {
	subareaId: string;
	areaId: string;
	max: number;
	self: number | null;
	external: number | null;
	national: number | null;
	/** self − external, in points; null where either is missing. */
	difference: number | null;
	/** The difference as a share of the subarea's maximum (subareas have maxima 10–40). */
	share: number | null;
}

/**
 * The gap per subarea between the self-assessment and the external evaluation, and the largest
 * over- and under-estimations (by share of the maximum, so a 40-point subarea does not always win).
 * `largeShare` is where a gap counts as large: it is what the page offers an action for.
 */
export function gapBySubarea(
	rubric: Rubric,
	self: Record<string, number | null | undefined>,
	external: Record<string, number> | null,
	national: Record<string, number | null>,
	options: { top?: number; largeShare?: number } = {}
) {
	const top = options.top ?? 3;
	const largeShare = options.largeShare ?? 0.2;
	const rows: GapRow[] = rubric.areas.flatMap((area) =>
		area.subareas.map((s) => {
			const mine = self[s.id] ?? null;
			const theirs = external?.[s.id] ?? null;
			const difference = mine !== null && theirs !== null ? mine - theirs : null;
			return {
				subareaId: s.id,
				areaId: area.id,
				max: s.maxPoints,
				self: mine,
				external: theirs,
				national: national[s.id] ?? null,
				difference,
				share: difference === null ? null : difference / s.maxPoints
			};
		})
	);
	const withGap = rows.filter((r) => r.share !== null && r.share !== 0);
	const over = withGap
		.filter((r) => (r.share as number) > 0)
		.sort((a, b) => (b.share as number) - (a.share as number))
		.slice(0, top);
	const under = withGap
		.filter((r) => (r.share as number) < 0)
		.sort((a, b) => (a.share as number) - (b.share as number))
		.slice(0, top);
	return {
		rows,
		over,
		under,
		large: rows
			.filter((r) => r.share !== null && Math.abs(r.share) >= largeShare)
			.map((r) => r.subareaId)
	};
}

/** Area points of a self-assessment's agreed scores, complete areas only (for the radar). */
export function selfAreaScores(rubric: Rubric, scores: Record<string, number | null | undefined>) {
	return areaScoresOf(computeTotals(rubric, scores));
}

/**
 * Problems with an imported self-assessment's scores against its rubric: every subarea present,
 * each within 0..max, and the optional area points and total equal to the sums. Messages are
 * Swedish-first keys' variables: the caller translates `key` with `vars`.
 */
export function checkSelfAssessmentSums(
	rubric: Rubric,
	input: {
		scores: Record<string, number>;
		areaScores?: Record<string, number>;
		total?: number;
	}
): { key: SumProblemKey; vars: Record<string, string | number> }[] {
	const problems: { key: SumProblemKey; vars: Record<string, string | number> }[] = [];
	const known = new Set(rubric.areas.flatMap((a) => a.subareas.map((s) => s.id)));
	for (const id of Object.keys(input.scores)) {
		if (!known.has(id)) problems.push({ key: 'sa.import.unknownSubarea', vars: { id } });
	}
	for (const area of rubric.areas) {
		for (const s of area.subareas) {
			const p = input.scores[s.id];
			if (p === undefined) problems.push({ key: 'sa.import.missing', vars: { id: s.id } });
			else if (p > s.maxPoints)
				problems.push({ key: 'sa.import.range', vars: { id: s.id, max: s.maxPoints } });
		}
	}
	if (problems.length) return problems;
	const totals = computeTotals(rubric, input.scores);
	for (const [areaId, stated] of Object.entries(input.areaScores ?? {})) {
		const area = totals.areas.find((a) => a.areaId === areaId);
		if (!area) problems.push({ key: 'sa.import.unknownArea', vars: { id: areaId } });
		else if (area.achieved !== stated)
			problems.push({
				key: 'sa.import.areaSum',
				vars: { id: areaId, stated, sum: area.achieved ?? 0 }
			});
	}
	if (input.total !== undefined && input.total !== totals.total)
		problems.push({
			key: 'sa.import.totalSum',
			vars: { stated: input.total, sum: totals.total ?? 0 }
		});
	return problems;
}

export type SumProblemKey =
	| 'sa.import.unknownSubarea'
	| 'sa.import.missing'
	| 'sa.import.range'
	| 'sa.import.unknownArea'
	| 'sa.import.areaSum'
	| 'sa.import.totalSum';
