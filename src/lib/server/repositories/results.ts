import type { Database } from '../db';
import { svCollator } from '$lib/i18n';

export interface LatestTotal {
	code: string;
	name: string;
	county: string;
	year: number;
	rubricId: string;
	total: number | null;
}

/** Each municipality with a published result: its latest one (by year), Swedish-sorted by name. */
export async function listLatestTotals(db: Database): Promise<LatestTotal[]> {
	const rows = await db
		.selectFrom('published_result as pr')
		.innerJoin('municipality as m', 'm.code', 'pr.municipality_code')
		.where('pr.is_current', '=', true)
		.distinctOn('pr.municipality_code')
		.select(['m.code', 'm.name', 'm.county', 'pr.year', 'pr.rubric_id as rubricId', 'pr.total'])
		.orderBy('pr.municipality_code')
		.orderBy('pr.year', 'desc')
		.execute();
	return rows.sort((a, b) => svCollator.compare(a.name, b.name));
}

export interface ResultSummary {
	evaluationId: number;
	year: number;
	rubricId: string;
	total: number | null;
	version: number;
	publishedAt: Date;
}

/** One municipality's published results over the years, oldest first. */
export async function listMunicipalityResults(
	db: Database,
	code: string
): Promise<ResultSummary[]> {
	return db
		.selectFrom('published_result')
		.where('municipality_code', '=', code)
		.where('is_current', '=', true)
		.select([
			'evaluation_id as evaluationId',
			'year',
			'rubric_id as rubricId',
			'total',
			'version',
			'published_at as publishedAt'
		])
		.orderBy('year')
		.orderBy('rubric_id')
		.execute();
}
