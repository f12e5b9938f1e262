import { error } from '@sveltejs/kit';
import type { Database } from '../db';
import { findReportEvaluationId } from '../published/versions';
import { refusal } from '$lib/server/http/refusal';

/** The workspace evaluation behind a public /kommuner/[code]/[year] report URL (published, with subareas). */
export async function findPublishedEvaluationId(
	db: Database,
	code: string,
	yearParam: string
): Promise<number> {
	const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : 0;
	const evaluationId = await findReportEvaluationId(db, code, year);
	if (!evaluationId) error(404, refusal('errors.noPublishedReport'));
	return evaluationId;
}
