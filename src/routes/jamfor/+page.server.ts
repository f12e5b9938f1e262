import { listMunicipalities } from '$lib/server/repositories/municipalities';
import { listLatestTotalsOnRubric, listPublishedResults } from '$lib/server/repositories/comparisons';
import { getRubricOrThrow } from '$lib/server/repositories/rubrics';
import { chooseAverage } from '$lib/server/profile';
import { latestPerMunicipality, rankOf } from '$lib/domain/comparison';
import { svCollator } from '$lib/i18n';
import type { PageServerLoad } from './$types';

const rubricId = 'kommunkompassen-2020';

/** Resolves what the user typed (names or codes, comma or newline separated) against the register. */
function resolveNames(input: string, municipalities: { code: string; name: string }[]) {
	const wanted = input.split(/[\n,;]+/).map((s) => s.trim()).filter(Boolean);
	const found: string[] = [];
	const unknown: string[] = [];
	for (const w of wanted) {
		const lower = w.toLowerCase();
		const m = municipalities.find((x) => x.code === w.padStart(4, '0') || x.name.toLowerCase() === lower) ?? municipalities.find((x) => x.name.toLowerCase().startsWith(lower));
		if (m) found.push(m.code);
		else unknown.push(w);
	}
	return { codes: [...new Set(found)], unknown };
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const municipalities = await listMunicipalities(locals.db);
	const input = url.searchParams.get('kommuner') ?? '';
	const county = url.searchParams.get('lan') ?? '';
	const { codes, unknown } = resolveNames(input, municipalities);
	const rubric = await getRubricOrThrow(locals.db, rubricId);
	const countyCodes = county ? municipalities.filter((m) => m.countyCode === county).map((m) => m.code) : [];
	const selected = [...new Set([...codes, ...countyCodes])];
	// Independent queries run concurrently: the page is as slow as the slowest, not their sum.
	const [published, average, latestTotals] = await Promise.all([
		listPublishedResults(locals.db, { rubricId, municipalityCodes: selected }),
		chooseAverage(locals.db, rubric, url.searchParams.get('snitt'), locals.locale),
		listLatestTotalsOnRubric(locals.db, rubricId)
	]);
	const results = latestPerMunicipality(published);
	const totals = latestTotals.map((t) => t.total);
	const rows = results
		.map((r) => ({
			code: r.municipalityCode,
			name: r.municipalityName,
			year: r.year,
			total: r.total,
			areas: r.areaScores,
			rank: r.total !== null ? rankOf(r.total, totals) : null
		}))
		.sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || svCollator.compare(a.name, b.name));
	const withoutResult = selected.filter((c) => !results.some((r) => r.municipalityCode === c)).map((c) => municipalities.find((m) => m.code === c)!.name);
	return {
		input,
		county,
		counties: [...new Map(municipalities.map((m) => [m.countyCode, m.county]))].map(([code, name]) => ({ code, name })).sort((a, b) => svCollator.compare(a.name, b.name)),
		unknown,
		withoutResult: codes.length ? withoutResult.filter((n) => codes.some((c) => municipalities.find((m) => m.code === c)?.name === n)) : [],
		rubric: { id: rubric.id, title: rubric.title, areas: rubric.areas.map((a) => ({ id: a.id, title: a.title, maxPoints: a.maxPoints })) },
		average: { key: average.key, label: average.label, areas: average.areas, options: average.options },
		rows
	};
};
