/**
 * The gap, seen: a self-assessment's agreed result against the municipality's latest published
 * evaluation on the same rubric and the national average (the profile's own `chooseAverage`, so
 * the figure and its n are the ones the municipality page shows), and the municipality's
 * self-assessments and evaluations on one timeline.
 */
import type { Database } from '../db';
import { chooseAverage } from './profile';
import { listPublishedResults } from '../published/comparisons';
import { listSharedWithEvaluation } from '../self-assessment/self-assessments';
import { listSelfAgreed } from '../self-assessment/sheets';
import { canOnSelfAssessment } from '../auth/policy';
import type { SessionUser } from '../auth/types';
import { listRubrics } from '../register/rubrics';
import { listReferenceAverages, type ReferenceAverage } from '../published/reference-averages';
import { minEvaluations } from '$lib/domain/comparison';
import { radarAxes, type ProfileRadar } from '$lib/domain/charts/profile';
import { gapBySubarea, selfAreaScores } from '$lib/domain/self-assessment';
import { computeTotals } from '$lib/domain/scoring';
import { rubricText, type Rubric } from '$lib/domain/rubric';
import { type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';

/** The latest published result of the municipality on the rubric (the external evaluation). */
export async function findLatestExternal(db: Database, municipalityCode: string, rubricId: string) {
	const results = await listPublishedResults(db, {
		municipalityCodes: [municipalityCode],
		rubricId
	});
	return [...results].sort((a, b) => b.year - a.year)[0] ?? null;
}

export async function loadGap(
	db: Database,
	scope: { municipalityCode: string; assessedOn: string },
	rubric: Rubric,
	agreed: Record<string, number>,
	locale: Locale
) {
	const [external, average, references] = await Promise.all([
		findLatestExternal(db, scope.municipalityCode, rubric.id),
		chooseAverage(db, rubric, null, locale),
		listReferenceAverages(db, rubric.id)
	]);
	const nationalSubareas = Object.fromEntries(
		Object.entries(average.national.subareas).map(([id, m]) => [id, m.mean])
	);
	const comparison = chooseGapComparison(rubric, average, references[0] ?? null, locale);
	const gap = gapBySubarea(rubric, agreed, external?.subareaScores ?? null, nationalSubareas);
	const areas = rubric.areas.map((a) => ({
		id: a.id,
		title: rubricText(locale, a).title,
		max: a.maxPoints
	}));
	const radar: ProfileRadar = {
		axes: radarAxes(areas),
		series: [
			{
				id: 'self',
				label: m['sa.gap.self']({ date: scope.assessedOn }, { locale }),
				values: selfAreaScores(rubric, agreed)
			},
			...(comparison.areas
				? [{ id: 'avg', label: comparison.label, values: comparison.areas }]
				: []),
			...(external?.areaScores
				? [
						{
							id: 'external',
							label: m['sa.gap.external']({ year: external.year }, { locale }),
							values: external.areaScores
						}
					]
				: [])
		],
		// Without an average there is no ± column (an index past the series).
		averageIndex: comparison.areas ? 1 : 3
	};
	const totals = computeTotals(rubric, agreed);
	return {
		external: external && { year: external.year, evaluationId: external.evaluationId },
		radar,
		comparison: { kind: comparison.kind, label: comparison.label, note: comparison.note },
		gap,
		total: totals.total,
		max: rubric.maxPoints
	};
}

/**
 * What the gap is drawn against: the kommunsnitt where every area rests on at least three
 * evaluations; otherwise the newest registered reference average (e.g. "Sverigesnitt (SKR) april
 * 2021"), named as such; otherwise nothing, said in a sentence — never a legend entry without a
 * line.
 */
export function chooseGapComparison(
	rubric: Rubric,
	average: { label: string; areas: Record<string, number | null> },
	reference: ReferenceAverage | null,
	locale: Locale
): {
	kind: 'national' | 'reference' | 'none';
	label: string;
	areas: Record<string, number | null> | null;
	note: string | null;
} {
	const complete = rubric.areas.every((a) => average.areas[a.id] != null);
	if (complete) return { kind: 'national', label: average.label, areas: average.areas, note: null };
	if (reference)
		return {
			kind: 'reference',
			label: reference.name,
			areas: Object.fromEntries(
				rubric.areas.map((a) => [a.id, reference.areaScores[a.id] ?? null])
			),
			note: m['sa.gap.referenceNote'](
				{ name: reference.name, asOf: reference.asOf, min: minEvaluations },
				{ locale }
			)
		};
	return {
		kind: 'none',
		label: '',
		areas: null,
		note: m['sa.gap.noAverage']({ min: minEvaluations }, { locale })
	};
}

/** One point on the timeline: a finished self-assessment or a published evaluation. */
export interface TimelineEntry {
	kind: 'self' | 'external';
	/** 'YYYY-MM-DD' for a self-assessment, the year for an evaluation. */
	when: string;
	year: number;
	label: string;
	rubricTitle: string;
	total: number | null;
}

/**
 * The municipality's finished self-assessments (those the reader may see: `rows`) and its
 * published evaluations, oldest first.
 */
export async function loadTimeline(
	db: Database,
	municipalityCode: string,
	rows: { id: number; name: string; assessedOn: string; status: string; rubricId: string }[]
): Promise<TimelineEntry[]> {
	const [rubrics, results] = await Promise.all([
		listRubrics(db),
		listPublishedResults(db, { municipalityCodes: [municipalityCode] })
	]);
	const byId = new Map(rubrics.map((r) => [r.id, r]));
	const own: TimelineEntry[] = [];
	for (const row of rows.filter((r) => r.status === 'klar')) {
		const rubric = byId.get(row.rubricId);
		if (!rubric) continue;
		const agreed = await listSelfAgreed(db, row.id);
		const totals = computeTotals(
			rubric,
			Object.fromEntries(Object.values(agreed).map((a) => [a.subareaId, a.points]))
		);
		own.push({
			kind: 'self',
			when: row.assessedOn,
			year: Number(row.assessedOn.slice(0, 4)),
			label: row.name,
			rubricTitle: rubric.title,
			total: totals.complete ? totals.total : null
		});
	}
	const external: TimelineEntry[] = results.map((r) => ({
		kind: 'external',
		when: String(r.year),
		year: r.year,
		label: String(r.year),
		rubricTitle: byId.get(r.rubricId)?.title ?? r.rubricId,
		total: r.total
	}));
	return [...own, ...external].sort((a, b) => a.when.localeCompare(b.when));
}

/**
 * The self-assessments shared with an evaluation that this user may read now (for evaluators:
 * only once their own sheet is handed in), for the appendix and its link.
 */
export async function listReadableShared(
	db: Database,
	user: SessionUser | null,
	evaluationId: number
) {
	return (await listSharedWithEvaluation(db, evaluationId)).filter((a) =>
		canOnSelfAssessment(user, 'selfAssessment.read', a)
	);
}
