import { error } from '@sveltejs/kit';
import type { Database } from '../db';

/** The workspace evaluation behind a public /kommuner/[code]/[year] report URL (published, with subareas). */
export async function findPublishedEvaluationId(
	db: Database,
	code: string,
	yearParam: string
): Promise<number> {
	const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : 0;
	const row = await db
		.selectFrom('published_result')
		.select(['evaluation_id'])
		.where('municipality_code', '=', code)
		.where('year', '=', year)
		.where('is_current', '=', true)
		.where('has_subarea_scores', '=', true)
		.orderBy('rubric_id', 'desc')
		.executeTakeFirst();
	if (!row) error(404, 'Det finns ingen publicerad rapport för kommunen det året');
	return row.evaluation_id;
}
