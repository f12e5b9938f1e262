import { sql } from 'kysely';
import type { Database } from '../db';
import { thresholdAverage, type NationalAverage, type ResultLevels } from '$lib/domain/comparison';
import type { Rubric } from '$lib/domain/rubric';

export interface AverageOptions {
	from?: number;
	to?: number;
	/** Only each municipality's latest evaluation on the rubric. */
	latest?: boolean;
}

/** The current published results the options select, as a subquery of ids. */
function selectedResults(db: Database, rubricId: string, options: AverageOptions) {
	let query = db
		.selectFrom('published_result as pr')
		.select('pr.id')
		.where('pr.is_current', '=', true)
		.where('pr.rubric_id', '=', rubricId);
	if (options.from) query = query.where('pr.year', '>=', options.from);
	if (options.to) query = query.where('pr.year', '<=', options.to);
	if (options.latest) {
		query = query.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('published_result as newer')
						.select('newer.id')
						.whereRef('newer.municipality_code', '=', 'pr.municipality_code')
						.whereRef('newer.rubric_id', '=', 'pr.rubric_id')
						.whereRef('newer.year', '>', 'pr.year')
						.where('newer.is_current', '=', true)
						.$if(Boolean(options.to), (q) => q.where('newer.year', '<=', options.to!))
				)
			)
		);
	}
	return query;
}

/**
 * The national average, aggregated in SQL with the same rules as the domain's nationalAverage:
 * each result counts only at the levels it has, and a figure from fewer than `minEvaluations`
 * evaluations has no mean. Pages read it precomputed (published-aggregates.ts).
 */
export async function computeNationalAverage(
	db: Database,
	rubric: Rubric,
	options: AverageOptions = {}
): Promise<NationalAverage> {
	const ids = selectedResults(db, rubric.id, options);
	const [areaRows, subareaRows, totalRow] = await Promise.all([
		db
			.selectFrom('published_area_score')
			.select([
				'area_id',
				sql<number>`avg(points)::float8`.as('mean'),
				sql<number>`count(*)`.as('n')
			])
			.where('published_result_id', 'in', ids)
			.groupBy('area_id')
			.execute(),
		db
			.selectFrom('published_subarea_score')
			.select([
				'subarea_id',
				sql<number>`avg(points)::float8`.as('mean'),
				sql<number>`count(*)`.as('n')
			])
			.where('published_result_id', 'in', ids)
			.groupBy('subarea_id')
			.execute(),
		db
			.selectFrom('published_result')
			.select([
				sql<number | null>`avg(total)::float8`.as('mean'),
				sql<number>`count(total)`.as('n'),
				sql<number>`count(*)`.as('count'),
				sql<number>`count(DISTINCT municipality_code)`.as('municipalities')
			])
			.where('id', 'in', ids)
			.executeTakeFirstOrThrow()
	]);
	const areas: NationalAverage['areas'] = {};
	for (const a of rubric.areas) {
		const row = areaRows.find((r) => r.area_id === a.id);
		areas[a.id] = { mean: row ? Number(row.mean) : null, n: row ? Number(row.n) : 0 };
	}
	const subareas: NationalAverage['subareas'] = {};
	for (const s of rubric.areas.flatMap((a) => a.subareas)) {
		const row = subareaRows.find((r) => r.subarea_id === s.id);
		subareas[s.id] = { mean: row ? Number(row.mean) : null, n: row ? Number(row.n) : 0 };
	}
	return thresholdAverage({
		rubric: rubric.id,
		mode: options.latest ? 'latest' : 'all',
		count: Number(totalRow.count),
		municipalities: Number(totalRow.municipalities),
		areas,
		subareas,
		total: { mean: totalRow.mean === null ? null : Number(totalRow.mean), n: Number(totalRow.n) }
	});
}

export interface PublishedResultView extends ResultLevels {
	publishedResultId: number;
	evaluationId: number;
	municipalityName: string;
	county: string;
	rubricId: string;
	version: number;
	errataReason: string | null;
	publishedAt: Date;
	hasFindings: boolean;
}

/** Current published results with their score levels, filtered; one query per level. */
export async function listPublishedResults(
	db: Database,
	filter: {
		rubricId?: string;
		municipalityCodes?: string[];
		from?: number;
		to?: number;
		countyCode?: string;
	}
): Promise<PublishedResultView[]> {
	let query = db
		.selectFrom('published_result as pr')
		.innerJoin('municipality as m', 'm.code', 'pr.municipality_code')
		.select([
			'pr.id',
			'pr.evaluation_id',
			'pr.municipality_code',
			'm.name',
			'm.county',
			'pr.year',
			'pr.rubric_id',
			'pr.total',
			'pr.version',
			'pr.errata_reason',
			'pr.published_at',
			'pr.has_subarea_scores',
			'pr.has_area_scores',
			sql<boolean>`(pr.content->>'summary') <> '' OR jsonb_array_length(coalesce(pr.content->'recommendations', '[]'::jsonb)) > 0`.as(
				'has_findings'
			)
		])
		.where('pr.is_current', '=', true)
		.orderBy('pr.municipality_code')
		.orderBy('pr.year');
	if (filter.rubricId) query = query.where('pr.rubric_id', '=', filter.rubricId);
	if (filter.municipalityCodes) {
		if (filter.municipalityCodes.length === 0) return [];
		query = query.where('pr.municipality_code', 'in', filter.municipalityCodes);
	}
	if (filter.countyCode) query = query.where('m.county_code', '=', filter.countyCode);
	if (filter.from) query = query.where('pr.year', '>=', filter.from);
	if (filter.to) query = query.where('pr.year', '<=', filter.to);
	const rows = await query.execute();
	if (!rows.length) return [];
	const ids = rows.map((r) => r.id);
	const [areaRows, subareaRows] = await Promise.all([
		db
			.selectFrom('published_area_score')
			.select(['published_result_id', 'area_id', 'points'])
			.where('published_result_id', 'in', ids)
			.execute(),
		db
			.selectFrom('published_subarea_score')
			.select(['published_result_id', 'subarea_id', 'points'])
			.where('published_result_id', 'in', ids)
			.execute()
	]);
	const areasBy = new Map<number, Record<string, number>>();
	for (const a of areaRows)
		(areasBy.get(a.published_result_id) ??
			areasBy.set(a.published_result_id, {}).get(a.published_result_id)!)[a.area_id] = a.points;
	const subsBy = new Map<number, Record<string, number>>();
	for (const s of subareaRows)
		(subsBy.get(s.published_result_id) ??
			subsBy.set(s.published_result_id, {}).get(s.published_result_id)!)[s.subarea_id] = s.points;
	return rows.map((r) => ({
		publishedResultId: r.id,
		evaluationId: r.evaluation_id,
		municipalityCode: r.municipality_code,
		municipalityName: r.name,
		county: r.county,
		year: r.year,
		rubricId: r.rubric_id,
		version: r.version,
		errataReason: r.errata_reason,
		publishedAt: r.published_at,
		total: r.total,
		areaScores: r.has_area_scores ? (areasBy.get(r.id) ?? null) : null,
		subareaScores: r.has_subarea_scores ? (subsBy.get(r.id) ?? null) : null,
		hasFindings: Boolean(r.has_findings)
	}));
}

/** Totals of every municipality's latest result on a rubric, for ranks. */
export async function listLatestTotalsOnRubric(
	db: Database,
	rubricId: string
): Promise<{ municipalityCode: string; total: number }[]> {
	const rows = await db
		.selectFrom('published_result')
		.distinctOn('municipality_code')
		.select(['municipality_code', 'total', 'year'])
		.where('is_current', '=', true)
		.where('rubric_id', '=', rubricId)
		.where('total', 'is not', null)
		.orderBy('municipality_code')
		.orderBy('year', 'desc')
		.execute();
	return rows.map((r) => ({ municipalityCode: r.municipality_code, total: r.total as number }));
}
