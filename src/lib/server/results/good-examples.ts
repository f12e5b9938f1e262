/**
 * Good examples (issue 33): published strengths of every municipality, found the way the document
 * search finds words (Swedish stems, any case, with or without å/ä/ö), each with its municipality's
 * points in the area against the kommunsnitt and its n. The page /goda-exempel and the open API
 * /api/v1/strengths both read `findGoodExamples`.
 */
import { z } from 'zod';
import type { Database } from '../db';
import { buildTsQuery } from '../documents/search';
import { searchPublishedStrengths, listStrengthFacets } from '../published/good-examples';
import { listRubrics } from '../register/rubrics';
import { loadRubricAggregate } from '../published/aggregates';
import { DEFAULT_RUBRIC, rubricInLocale, type Rubric } from '$lib/domain/rubric';
import type { Locale } from '$lib/i18n';
import { examplePageParameters } from '$lib/domain/good-examples';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess(blankToUndefined, schema.optional());

/** The filters as the API names them (`?q=&area=&subarea=&rubric=&county=&year=&limit=&offset=`). */
export const goodExamplesQuerySchema = z.object({
	q: optional(z.string().trim().max(200)),
	area: optional(z.string().regex(/^\d{1,2}$/)),
	subarea: optional(z.string().regex(/^\d{1,2}\.\d{1,2}$/)),
	rubric: optional(z.string().regex(/^[a-z0-9-]{1,60}$/)),
	county: optional(z.string().regex(/^\d{2}$/)),
	year: optional(z.coerce.number().int().min(1990).max(2100)),
	betterThan: optional(z.string().regex(/^\d{4}$/)),
	limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(500).default(50)),
	offset: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(100_000).default(0))
});
export type GoodExamplesQuery = z.output<typeof goodExamplesQuerySchema>;

/** The page's Swedish parameter names (shared with the pages that link to it). */
export const pageParameterNames = examplePageParameters satisfies Record<
	keyof GoodExamplesQuery,
	string
>;

/** Reads the filters from URL parameters under the given names; null when one is malformed. */
export function parseGoodExamplesQuery(
	params: URLSearchParams,
	names: Record<keyof GoodExamplesQuery, string> = Object.fromEntries(
		Object.keys(pageParameterNames).map((k) => [k, k])
	) as Record<keyof GoodExamplesQuery, string>
): { query: GoodExamplesQuery } | { invalid: string[] } {
	const raw = Object.fromEntries(
		Object.entries(names).map(([key, name]) => [key, params.get(name) ?? undefined])
	);
	const parsed = goodExamplesQuerySchema.safeParse(raw);
	if (parsed.success) return { query: parsed.data };
	return {
		invalid: parsed.error.issues.map((i) => names[i.path[0] as keyof GoodExamplesQuery] ?? '?')
	};
}

export interface GoodExample {
	municipality: { code: string; name: string };
	county: string;
	year: number;
	/** The version the strength was written on (year null only for a rubric no longer stored). */
	rubric: { id: string; title: string; year: number | null };
	area: { id: string; title: string; max: number | null };
	subarea: { id: string; title: string } | null;
	text: string;
	goldStar: boolean;
	/** The municipality's points in the area, and the kommunsnitt with its n (mean null under n = 3). */
	areaPoints: number | null;
	average: { mean: number | null; n: number };
	/** The report's section on the area. */
	href: string;
}

/** One page of good examples for the filters, in the reader's language for titles. */
export async function findGoodExamples(
	db: Database,
	query: GoodExamplesQuery,
	locale: Locale
): Promise<{ examples: GoodExample[]; total: number; words: boolean }> {
	const tsquery = query.q ? buildTsQuery(query.q) : null;
	// Words that carry no letters or digits find nothing rather than everything.
	if (query.q && !tsquery) return { examples: [], total: 0, words: false };
	const { rows, total } = await searchPublishedStrengths(db, {
		tsquery,
		areaId: query.area ?? null,
		subareaId: query.subarea ?? null,
		rubricId: query.rubric ?? null,
		countyCode: query.county ?? null,
		year: query.year ?? null,
		betterThan: query.betterThan ?? null,
		limit: query.limit,
		offset: query.offset
	});
	const rubrics = new Map(
		(await listRubrics(db)).map((r) => [r.id, rubricInLocale(r, locale)] as [string, Rubric])
	);
	const averages = new Map(
		await Promise.all(
			[...new Set(rows.map((r) => r.rubricId))].map(
				async (id) =>
					[id, (await loadRubricAggregate(db, rubrics.get(id)!)).averages.latest] as const
			)
		)
	);
	const examples = rows.map((r): GoodExample => {
		const rubric = rubrics.get(r.rubricId);
		const area = rubric?.areas.find((a) => a.id === r.areaId);
		const subarea = r.subareaId ? area?.subareas.find((s) => s.id === r.subareaId) : undefined;
		const average = averages.get(r.rubricId)?.areas[r.areaId];
		return {
			municipality: { code: r.municipalityCode, name: r.municipalityName },
			county: r.county,
			year: r.year,
			rubric: { id: r.rubricId, title: rubric?.title ?? r.rubricId, year: rubric?.year ?? null },
			area: { id: r.areaId, title: area?.title ?? r.areaId, max: area?.maxPoints ?? null },
			subarea: subarea ? { id: subarea.id, title: subarea.title } : null,
			text: r.text,
			goldStar: r.goldStar,
			areaPoints: r.areaPoints,
			average: { mean: average?.mean ?? null, n: average?.n ?? 0 },
			href: `/kommuner/${r.municipalityCode}/${r.year}/rapport#omrade-${r.areaId}`
		};
	});
	return { examples, total, words: true };
}

/** The choices the filters offer, with rubric titles and area titles in the reader's language. */
export async function goodExampleFacets(db: Database, locale: Locale) {
	const [facets, rubrics] = await Promise.all([listStrengthFacets(db), listRubrics(db)]);
	const used = rubrics
		.filter((r) => facets.rubricIds.includes(r.id))
		.map((r) => rubricInLocale(r, locale));
	return {
		rubrics: used.map((r) => ({ id: r.id, title: r.title })),
		areas:
			(used.find((r) => r.id === DEFAULT_RUBRIC) ?? used[0])?.areas.map((a) => ({
				id: a.id,
				title: a.title,
				subareas: a.subareas.map((s) => ({ id: s.id, title: s.title }))
			})) ?? [],
		counties: facets.counties,
		years: facets.years
	};
}
