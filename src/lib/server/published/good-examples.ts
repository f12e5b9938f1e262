/**
 * The good-examples library's queries: published strengths (published_strength, kept by a
 * trigger on published_result) of current published results only — drafts, unpublished
 * evaluations, self-assessments and private notes never reach that table.
 */
import { sql, type SqlBool, type Expression } from 'kysely';
import type { Database } from '../db';

export interface StrengthFilter {
	/** A to_tsquery expression (documents/search.ts builds it from the reader's words). */
	tsquery: string | null;
	areaId: string | null;
	subareaId: string | null;
	rubricId: string | null;
	countyCode: string | null;
	year: number | null;
	/** Only municipalities with more points in the strength's area than this one's latest. */
	betterThan: string | null;
	limit: number;
	offset: number;
}

export interface StrengthRow {
	id: number;
	municipalityCode: string;
	municipalityName: string;
	county: string;
	year: number;
	rubricId: string;
	evaluationId: number;
	areaId: string;
	subareaId: string | null;
	text: string;
	goldStar: boolean;
	/** The municipality's points in the area on that result, where known. */
	areaPoints: number | null;
}

function filtered(db: Database, filter: StrengthFilter) {
	return db
		.selectFrom('published_strength as s')
		.innerJoin('published_result as r', (j) =>
			j.onRef('r.id', '=', 's.published_result_id').on('r.is_current', '=', true)
		)
		.innerJoin('municipality as m', 'm.code', 'r.municipality_code')
		.leftJoin('published_area_score as a', (j) =>
			j.onRef('a.published_result_id', '=', 'r.id').onRef('a.area_id', '=', 's.area_id')
		)
		.$if(!!filter.tsquery, (q) =>
			q.where(sql<SqlBool>`s.tsv @@ to_tsquery('swedish_unaccent', ${filter.tsquery})`)
		)
		.$if(!!filter.areaId, (q) => q.where('s.area_id', '=', filter.areaId!))
		.$if(!!filter.subareaId, (q) => q.where('s.subarea_id', '=', filter.subareaId!))
		.$if(!!filter.rubricId, (q) => q.where('r.rubric_id', '=', filter.rubricId!))
		.$if(!!filter.countyCode, (q) => q.where('m.county_code', '=', filter.countyCode!))
		.$if(filter.year !== null, (q) => q.where('r.year', '=', filter.year!))
		.$if(!!filter.betterThan, (q) =>
			q
				.where('r.municipality_code', '<>', filter.betterThan!)
				.where((eb) =>
					eb(
						'a.points',
						'>',
						eb
							.selectFrom('published_area_score as own')
							.innerJoin('published_result as ownResult', 'ownResult.id', 'own.published_result_id')
							.select('own.points')
							.where('ownResult.municipality_code', '=', filter.betterThan!)
							.where('ownResult.is_current', '=', true)
							.whereRef('ownResult.rubric_id', '=', 'r.rubric_id')
							.whereRef('own.area_id', '=', 's.area_id')
							.orderBy('ownResult.year', 'desc')
							.limit(1) as unknown as Expression<number>
					)
				)
		);
}

/** One page of strengths: gold stars first, then by the area's points, newest first. */
export async function searchPublishedStrengths(
	db: Database,
	filter: StrengthFilter
): Promise<{ rows: StrengthRow[]; total: number }> {
	const [rows, count] = await Promise.all([
		filtered(db, filter)
			.select([
				's.id',
				'r.municipality_code as municipalityCode',
				'm.name as municipalityName',
				'm.county',
				'r.year',
				'r.rubric_id as rubricId',
				'r.evaluation_id as evaluationId',
				's.area_id as areaId',
				's.subarea_id as subareaId',
				's.text',
				's.gold_star as goldStar',
				'a.points as areaPoints'
			])
			.orderBy('s.gold_star', 'desc')
			.orderBy(sql`a.points DESC NULLS LAST`)
			.orderBy('r.year', 'desc')
			.orderBy('m.name')
			.orderBy('s.position')
			.limit(filter.limit)
			.offset(filter.offset)
			.execute(),
		filtered(db, filter)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	return { rows, total: Number(count.n) };
}

/** What the filters can offer: the rubric versions, counties and years that have strengths. */
export async function listStrengthFacets(db: Database) {
	const rows = await db
		.selectFrom('published_strength as s')
		.innerJoin('published_result as r', (j) =>
			j.onRef('r.id', '=', 's.published_result_id').on('r.is_current', '=', true)
		)
		.innerJoin('municipality as m', 'm.code', 'r.municipality_code')
		.select(['r.rubric_id as rubricId', 'm.county_code as countyCode', 'm.county', 'r.year'])
		.distinct()
		.execute();
	const unique = <T>(values: T[]) => [...new Set(values)];
	return {
		rubricIds: unique(rows.map((r) => r.rubricId)).sort(),
		counties: [...new Map(rows.map((r) => [r.countyCode, r.county])).entries()]
			.map(([code, name]) => ({ code, name }))
			.sort((a, b) => a.name.localeCompare(b.name, 'sv')),
		years: unique(rows.map((r) => r.year)).sort((a, b) => b - a)
	};
}
