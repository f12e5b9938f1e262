import type { Database } from '../db';

/**
 * Per municipality with a published result: the rubric versions it has one on, for the compare
 * picker (which marks municipalities without a result on the chosen version). One small query
 * over the current published results; no scores are read.
 */
export async function listPublishedRubricsByMunicipality(
	db: Database
): Promise<Map<string, string[]>> {
	const rows = await db
		.selectFrom('published_result')
		.where('is_current', '=', true)
		.select(['municipality_code as code', 'rubric_id as rubricId'])
		.distinct()
		.execute();
	const byCode = new Map<string, string[]>();
	for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r.rubricId]);
	return byCode;
}
