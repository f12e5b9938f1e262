/** Finding an evaluation by what people name it by: its municipality and year (the CLI). */
import type { Database } from '../db';

/**
 * The evaluation of a municipality and year as the CLI names it (workspace before imported, newest
 * rubric first); undefined for a malformed code or year.
 */
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

/** The evaluation of a municipality and year made in the workspace (newest rubric first). */
export async function findWorkspaceEvaluation(db: Database, code: string, year: number) {
	return db
		.selectFrom('evaluation')
		.select('id')
		.where('municipality_code', '=', code)
		.where('year', '=', year)
		.where('origin', '=', 'workspace')
		.orderBy('rubric_id', 'desc')
		.executeTakeFirst();
}
