/**
 * A municipality's profile: its latest result on the newest rubric that has area points, the
 * chosen average, earlier results on the same rubric, rank and relative strengths. Used by the
 * municipality page and the chart downloads, so both show the same figures.
 */
import type { Database } from './db';
import {
	findPublishedContent,
	listLatestTotalsOnRubric,
	listPublishedResults,
	type PublishedResultView
} from './repositories/comparisons';
import { listRubrics } from './repositories/rubrics';
import { chooseAverage } from './profile';
import { rankOf, relativeStrengths } from '$lib/domain/comparison';
import type { Rubric } from '$lib/domain/rubric';
import type { RadarSeriesInput } from '$lib/domain/charts/radar';

export async function loadMunicipalityProfile(
	db: Database,
	code: string,
	name: string,
	averageKey: string | null,
	locale: 'sv' | 'en'
) {
	const rubrics = await listRubrics(db);
	const rubricById = new Map(rubrics.map((r) => [r.id, r]));
	const results = await listPublishedResults(db, { municipalityCodes: [code] });
	const profiled = [...results]
		.filter((r) => r.areaScores)
		.sort(
			(a, b) =>
				rubricById.get(b.rubricId)!.year - rubricById.get(a.rubricId)!.year || b.year - a.year
		)[0];
	if (!profiled) return { results, rubricById, profile: null };
	const rubric = rubricById.get(profiled.rubricId) as Rubric;
	const [average, content, totals] = await Promise.all([
		chooseAverage(db, rubric, averageKey, locale),
		findPublishedContent(db, code, profiled.year, rubric.id),
		listLatestTotalsOnRubric(db, rubric.id)
	]);
	const earlier = results.filter(
		(r) => r.rubricId === rubric.id && r.year < profiled.year && r.areaScores
	);
	const series: RadarSeriesInput[] = [
		{ id: 'm', label: `${name} ${profiled.year}`, values: profiled.areaScores ?? {} },
		{ id: 'avg', label: average.label, values: average.areas },
		...earlier.map((e: PublishedResultView) => ({
			id: `y${e.year}`,
			label: `${name} ${e.year}`,
			values: e.areaScores ?? {}
		}))
	];
	return {
		results,
		rubricById,
		profile: {
			rubric,
			result: profiled,
			earlier,
			average,
			series,
			relative: relativeStrengths(rubric, profiled, average.national),
			rank:
				profiled.total !== null
					? rankOf(
							profiled.total,
							totals.map((t) => t.total)
						)
					: null,
			findings: content?.content.areas ?? {}
		}
	};
}
