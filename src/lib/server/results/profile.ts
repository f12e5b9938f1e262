/**
 * A municipality's profile, in one place: what it is drawn against (`chooseAverage`), its latest
 * result with rank, relative strengths and earlier years (`loadMunicipalityProfile`), and the
 * radar of it for the downloads (`loadProfileChart`). The municipality page, the chart downloads,
 * the compare page and the report all take their figures from here, so they cannot disagree. The
 * queries are in the repositories; the radar's axes and series come from domain/charts/profile.
 */
import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import { listReferenceAverages } from '../published/reference-averages';
import { findMunicipalityByCode } from '../register/municipalities';
import { findRubricById } from '../register/rubrics';
import { loadMunicipalityAggregate, loadRubricAggregate } from '../published/aggregates';
import {
	minEvaluations,
	profiledResult,
	rankOf,
	relativeStrengths,
	type AverageMode,
	type MeanWithN,
	type NationalAverage
} from '$lib/domain/comparison';
import { profileRadar, type ProfileRadar } from '$lib/domain/charts/profile';
import { rubricInLocale, type Rubric } from '$lib/domain/rubric';
import { type Locale } from '$lib/i18n';
import { translator } from '$lib/i18n/lookup';
import { refusal } from '$lib/server/http/refusal';

export interface ChosenAverage {
	key: string;
	label: string;
	/** Area id → value (null where too few evaluations have the area). */
	areas: Record<string, number | null>;
	/** Area id → evaluations behind the value; null for a registered reference average. */
	areaN: Record<string, number> | null;
	/** Subarea figures with their n (a reference average has none: the national ones are used). */
	subareas: Record<string, MeanWithN>;
	/** The total with its n. */
	total: MeanWithN | null;
	/** The national average in the chosen mode (kommunsnitt under a reference average). */
	national: NationalAverage;
	/** Each municipality's latest total on the rubric, for ranks. */
	latestTotals: number[];
	options: { key: string; label: string }[];
	/** What the average is made of, for the captions of pages and the report. */
	description: string;
}

/** The keys of the national averages; `nationellt` is the kommunsnitt's key of older links. */
const modeKeys: Record<string, AverageMode> = {
	kommunsnitt: 'latest',
	nationellt: 'latest',
	alla: 'all'
};
const keyOfMode: Record<AverageMode, string> = { latest: 'kommunsnitt', all: 'alla' };

/**
 * What a profile is drawn against: the national average from published evaluations — by default
 * the kommunsnitt (each municipality once, its latest evaluation), `alla` every evaluation — or a
 * registered reference average (`ref-<id>`). Read from the precomputed aggregate.
 */
export async function chooseAverage(
	db: Database,
	rubric: Rubric,
	key: string | null,
	locale: Locale
): Promise<ChosenAverage> {
	const t = translator(locale);
	const [aggregate, references] = await Promise.all([
		loadRubricAggregate(db, rubric),
		listReferenceAverages(db, rubric.id)
	]);
	const options = [
		{ key: keyOfMode.latest, label: t('results.average.latest') },
		{ key: keyOfMode.all, label: t('results.average.all') },
		...references.map((r) => ({ key: `ref-${r.id}`, label: r.name }))
	];
	const reference = references.find((r) => `ref-${r.id}` === key);
	if (reference) {
		const national = aggregate.averages.latest;
		return {
			key: `ref-${reference.id}`,
			label: reference.name,
			areas: Object.fromEntries(
				rubric.areas.map((a) => [a.id, reference.areaScores[a.id] ?? null])
			),
			areaN: null,
			subareas: national.subareas,
			total: null,
			national,
			latestTotals: aggregate.latestTotals,
			options,
			description: `${reference.name}, ${reference.asOf}${reference.source ? ` (${reference.source})` : ''}`
		};
	}
	const mode = modeKeys[key ?? ''] ?? 'latest';
	const national = aggregate.averages[mode];
	return {
		key: keyOfMode[mode],
		label: t(mode === 'latest' ? 'results.average.latest' : 'results.average.all'),
		areas: Object.fromEntries(rubric.areas.map((a) => [a.id, national.areas[a.id]?.mean ?? null])),
		areaN: Object.fromEntries(rubric.areas.map((a) => [a.id, national.areas[a.id]?.n ?? 0])),
		subareas: national.subareas,
		total: national.total,
		national,
		latestTotals: aggregate.latestTotals,
		options,
		description: averageCaption(locale, rubric, national)
	};
}

/** The caption of a national average: what it counts, that the municipality is in it, n per area. */
export function averageCaption(locale: Locale, rubric: Rubric, average: NationalAverage): string {
	const t = translator(locale);
	// No count of its own in the sentence: the n of each figure, from the same average, is the count.
	const vars = { rubric: rubric.title, min: minEvaluations };
	const list = rubric.areas.map((a) => `${a.id}: ${average.areas[a.id]?.n ?? 0}`).join(', ');
	return `${t(average.mode === 'latest' ? 'results.average.captionLatest' : 'results.average.captionAll', vars)} ${t('results.average.areaN', { total: average.total.n, list })}`;
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
	locale: Locale
) {
	const aggregate = await loadMunicipalityAggregate(db, code);
	const results = aggregate.results;
	const rubricById = new Map<string, Rubric>();
	for (const id of new Set(results.map((r) => r.rubricId))) {
		const rubric = await findRubricById(db, id);
		// In the reader's language: the radar's labels, strengths and changes name areas by title.
		if (rubric) rubricById.set(id, rubricInLocale(rubric, locale));
	}
	const profiled = profiledResult(results, (id) => rubricById.get(id)?.year ?? 0);
	if (!profiled) return { results, rubricById, profile: null };
	const rubric = rubricById.get(profiled.rubricId) as Rubric;
	const average = await chooseAverage(db, rubric, averageKey, locale);
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
				average: { label: average.label, areas: average.areas, n: average.areaN },
				earlier
			}),
			relative: relativeStrengths(rubric, profiled, average.national),
			rank: profiled.total !== null ? rankOf(profiled.total, average.latestTotals) : null,
			findings: aggregate.findings[profiled.publishedResultId] ?? {}
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
	locale: Locale
): Promise<{ radar: ProfileRadar; title: string; fileName: string }> {
	const municipality = await findMunicipalityByCode(db, code);
	if (!municipality) error(404, refusal('errors.municipalityNotFound'));
	const { profile } = await loadMunicipalityProfile(
		db,
		code,
		municipality.name,
		averageKey,
		locale
	);
	if (!profile) error(404, refusal('errors.noAreaResults'));
	return {
		radar: profile.radar,
		title: `${municipality.name} ${profile.result.year}`,
		fileName: `${municipality.name}-${profile.result.year}`
	};
}
