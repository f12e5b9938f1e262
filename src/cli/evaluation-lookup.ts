import type { Database } from '../lib/server/db';

/** The workspace evaluation of a municipality and year (newest rubric first). */
export async function findEvaluationByMunicipalityYear(
	db: Database,
	code: string | undefined,
	year: string | undefined
) {
	if (!code || !/^\d{4}$/.test(code) || !year || !/^\d{4}$/.test(year)) return undefined;
	return db
		.selectFrom('evaluation')
		.select(['id', 'status'])
		.where('municipality_code', '=', code)
		.where('year', '=', Number(year))
		.orderBy('origin', 'desc')
		.orderBy('rubric_id', 'desc')
		.executeTakeFirst();
}
