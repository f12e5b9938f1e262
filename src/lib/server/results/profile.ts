/**
 * A municipality's profile, in one place: what it is drawn against (`chooseAverage`), its latest
 * result with rank, relative strengths and earlier years (`loadMunicipalityProfile`), and the
 * radar of it for the downloads (`loadProfileChart`). The municipality page, the chart downloads,
 * the compare page and the report all take their figures from here, so they cannot disagree. The
 * queries are in the repositories; the radar's axes and series come from domain/charts/profile.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import {
	computeNationalAverage,
	findPublishedContent,
	listLatestTotalsOnRubric,
	listPublishedResults
} from '../repositories/comparisons';
import { listReferenceAverages } from '../repositories/reference-averages';
import { findMunicipalityByCode } from '../repositories/municipalities';
import { listRubrics } from '../repositories/rubrics';
import { rankOf, relativeStrengths, type NationalAverage } from '$lib/domain/comparison';
import { profileRadar, type ProfileRadar } from '$lib/domain/charts/profile';
import type { Rubric } from '$lib/domain/rubric';

export interface ChosenAverage {
	key: string;
	label: string;
	/** Area id → value (null where no evaluation has the area). */
	areas: Record<string, number | null>;
	national: NationalAverage;
	options: { key: string; label: string }[];
	/** n and date, for the report's caption. */
	description: string;
}

/**
 * What a profile is drawn against: the national average computed from published evaluations
 * (default) or a registered reference average, by its `key` (`nationellt`, `ref-<id>`).
 */
export async function chooseAverage(
	db: Database,
	rubric: Rubric,
	key: string | null,
	locale: 'sv' | 'en'
): Promise<ChosenAverage> {
	const national = await computeNationalAverage(db, rubric);
	const references = await listReferenceAverages(db, rubric.id);
	const nationalLabel =
		locale === 'sv'
			? `Nationellt medelvärde (n = ${national.count})`
			: `National average (n = ${national.count})`;
	const options = [
		{ key: 'nationellt', label: nationalLabel },
		...references.map((r) => ({ key: `ref-${r.id}`, label: `${r.name}` }))
	];
	const reference = references.find((r) => `ref-${r.id}` === key);
	if (reference) {
		return {
			key: `ref-${reference.id}`,
			label: reference.name,
			areas: Object.fromEntries(
				rubric.areas.map((a) => [a.id, reference.areaScores[a.id] ?? null])
			),
			national,
			options,
			description: `${reference.name}, ${reference.asOf}${reference.source ? ` (${reference.source})` : ''}`
		};
	}
	return {
		key: 'nationellt',
		label: nationalLabel,
		areas: Object.fromEntries(rubric.areas.map((a) => [a.id, national.areas[a.id]?.mean ?? null])),
		national,
		options,
		description:
			locale === 'sv'
				? `Medelvärde av ${national.count} publicerade utvärderingar enligt ${rubric.title}, ${new Date().toISOString().slice(0, 10)}`
				: `Mean of ${national.count} published evaluations on ${rubric.title}, ${new Date().toISOString().slice(0, 10)}`
	};
}

/**
 * A municipality's profile: its latest result on the newest rubric that has area points, the
 * chosen average, earlier results on the same rubric, rank and relative strengths; null without
 * area-level results. `results` and `rubricById` are every published result, for the timeline.
 */
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
	return {
		results,
		rubricById,
		profile: {
			rubric,
			result: profiled,
			earlier,
			average,
			radar: profileRadar({
				areas: rubric.areas.map((a) => ({ id: a.id, title: a.title, max: a.maxPoints })),
				name,
				year: profiled.year,
				values: profiled.areaScores ?? {},
				average,
				earlier
			}),
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

/**
 * The municipality's radar for the SVG and PNG downloads: the same series as on its page, a title
 * for the drawing and a file name. 404 for an unknown municipality or one without area results.
 */
export async function loadProfileChart(
	db: Database,
	code: string,
	averageKey: string | null,
	locale: 'sv' | 'en'
): Promise<{ radar: ProfileRadar; title: string; fileName: string }> {
	const municipality = await findMunicipalityByCode(db, code);
	if (!municipality) error(404, 'Kommunen finns inte');
	const { profile } = await loadMunicipalityProfile(
		db,
		code,
		municipality.name,
		averageKey,
		locale
	);
	if (!profile) error(404, 'Kommunen har inga resultat per område');
	return {
		radar: profile.radar,
		title: `${municipality.name} ${profile.result.year}`,
		fileName: `${municipality.name}-${profile.result.year}`
	};
}
