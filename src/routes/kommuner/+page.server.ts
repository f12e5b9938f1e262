import { z } from 'zod';
import { listMunicipalities } from '$lib/server/register/municipalities';
import { listResultSummaries, listRubricTitles } from '$lib/server/published/results';
import { svCollator } from '$lib/i18n';
import type { PageServerLoad } from './$types';

const querySchema = z.object({
	q: z.string().trim().max(80).catch(''),
	lan: z
		.string()
		.regex(/^\d{2}$/)
		.or(z.literal(''))
		.catch(''),
	version: z.string().max(80).catch(''),
	/** Also list municipalities without a published evaluation. */
	alla: z.literal('1').optional().catch(undefined)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const filter = querySchema.parse({
		q: url.searchParams.get('q') ?? '',
		lan: url.searchParams.get('lan') ?? '',
		version: url.searchParams.get('version') ?? '',
		alla: url.searchParams.get('alla') ?? undefined
	});
	const q = filter.q.toLowerCase();
	const [municipalities, rubrics, summaries] = await Promise.all([
		listMunicipalities(locals.db),
		listRubricTitles(locals.db),
		listResultSummaries(locals.db, {
			rubricId: filter.version || undefined,
			countyCode: filter.lan || undefined
		})
	]);
	// A search or the choice lists every municipality, so one without results can be reached too.
	const includeAll = Boolean(filter.alla) || q !== '';
	const rows = municipalities
		.filter((m) => !filter.lan || m.countyCode === filter.lan)
		.filter((m) => summaries.has(m.code) || (includeAll && !filter.version))
		.filter((m) => !q || m.name.toLowerCase().includes(q) || m.code.startsWith(q))
		.map((m) => ({ ...m, result: summaries.get(m.code) ?? null }))
		.sort((a, b) => svCollator.compare(a.name, b.name));
	const counties = [...new Map(municipalities.map((m) => [m.countyCode, m.county])).entries()].sort(
		(a, b) => svCollator.compare(a[1], b[1])
	);
	return {
		rows,
		filter: { q: filter.q, county: filter.lan, rubric: filter.version, all: Boolean(filter.alla) },
		counties: counties.map(([code, name]) => ({ code, name })),
		rubrics: rubrics.map((r) => ({ id: r.id, title: r.title }))
	};
};
