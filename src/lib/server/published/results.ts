import { sql } from 'kysely';
import type { Database } from '../db';
import { svCollator } from '$lib/i18n';

export interface LatestTotal {
	code: string;
	name: string;
	county: string;
	year: number;
	rubricId: string;
	/** The rubric version's year (2010, 2016, 2020): totals of different versions are different scales. */
	rubricYear: number;
	total: number | null;
}

/** Each municipality with a published result: its latest one (by year), Swedish-sorted by name. */
export async function listLatestTotals(db: Database): Promise<LatestTotal[]> {
	const rows = await db
		.selectFrom('published_result as pr')
		.innerJoin('municipality as m', 'm.code', 'pr.municipality_code')
		.innerJoin('rubric as r', 'r.id', 'pr.rubric_id')
		.where('pr.is_current', '=', true)
		.distinctOn('pr.municipality_code')
		.select([
			'm.code',
			'm.name',
			'm.county',
			'pr.year',
			'pr.rubric_id as rubricId',
			'r.year as rubricYear',
			'pr.total'
		])
		.orderBy('pr.municipality_code')
		.orderBy('pr.year', 'desc')
		.execute();
	return rows.sort((a, b) => svCollator.compare(a.name, b.name));
}

export interface MunicipalityResultSummary {
	code: string;
	year: number;
	rubricId: string;
	rubricTitle: string;
	total: number | null;
	/** Current published results of the municipality in the selection. */
	count: number;
}

/**
 * Per municipality with a published result in the selection: its latest one (by year, newest
 * version first) and how many there are. Totals only: no score rows are read.
 */
export async function listResultSummaries(
	db: Database,
	filter: { rubricId?: string; countyCode?: string } = {}
): Promise<Map<string, MunicipalityResultSummary>> {
	let query = db
		.selectFrom('published_result as pr')
		.innerJoin('rubric as r', 'r.id', 'pr.rubric_id')
		.innerJoin('municipality as m', 'm.code', 'pr.municipality_code')
		.where('pr.is_current', '=', true)
		.select([
			'pr.municipality_code as code',
			'pr.year',
			'pr.rubric_id as rubricId',
			'r.title as rubricTitle',
			'pr.total',
			sql<number>`count(*) OVER (PARTITION BY pr.municipality_code)`.as('count')
		])
		.orderBy('pr.municipality_code')
		.orderBy('pr.year', 'desc')
		.orderBy('r.year', 'desc');
	if (filter.rubricId) query = query.where('pr.rubric_id', '=', filter.rubricId);
	if (filter.countyCode) query = query.where('m.county_code', '=', filter.countyCode);
	const rows = await query.execute();
	const byCode = new Map<string, MunicipalityResultSummary>();
	for (const r of rows)
		if (!byCode.has(r.code)) byCode.set(r.code, { ...r, count: Number(r.count) });
	return byCode;
}

/** Rubric versions by id with their names ("Kommunkompassen 2020"), newest first, without definitions. */
export async function listRubricTitles(
	db: Database
): Promise<{ id: string; title: string; year: number }[]> {
	return db.selectFrom('rubric').select(['id', 'title', 'year']).orderBy('year', 'desc').execute();
}
