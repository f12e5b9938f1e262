import { listMunicipalities } from '$lib/server/repositories/municipalities';
import { listPublishedResults } from '$lib/server/repositories/comparisons';
import { listRubrics } from '$lib/server/repositories/rubrics';
import { svCollator } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const q = (url.searchParams.get('q') ?? '').trim().toLowerCase();
	const county = url.searchParams.get('lan') ?? '';
	const rubric = url.searchParams.get('version') ?? '';
	const [municipalities, rubrics] = await Promise.all([
		listMunicipalities(locals.db),
		listRubrics(locals.db)
	]);
	const results = await listPublishedResults(locals.db, {
		rubricId: rubric || undefined,
		countyCode: county || undefined
	});
	const byCode = new Map<
		string,
		{ year: number; total: number | null; rubricId: string; count: number }
	>();
	for (const r of results) {
		const seen = byCode.get(r.municipalityCode);
		if (!seen || r.year > seen.year)
			byCode.set(r.municipalityCode, {
				year: r.year,
				total: r.total,
				rubricId: r.rubricId,
				count: (seen?.count ?? 0) + 1
			});
		else seen.count += 1;
	}
	const rows = municipalities
		.filter((m) => byCode.has(m.code))
		.filter((m) => !q || m.name.toLowerCase().includes(q) || m.code.startsWith(q))
		.map((m) => ({ ...m, ...byCode.get(m.code)! }))
		.sort((a, b) => svCollator.compare(a.name, b.name));
	const counties = [...new Map(municipalities.map((m) => [m.countyCode, m.county])).entries()].sort(
		(a, b) => svCollator.compare(a[1], b[1])
	);
	return {
		rows,
		filter: { q: url.searchParams.get('q') ?? '', county, rubric },
		counties: counties.map(([code, name]) => ({ code, name })),
		rubrics: rubrics.map((r) => ({ id: r.id, title: r.title }))
	};
};
