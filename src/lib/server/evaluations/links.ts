/**
 * How evaluations of one municipality follow each other: a re-evaluation names its baseline
 * (`previous_evaluation_id`); these queries read that link both ways, so the baseline can name
 * its follow-ups and the follow-up its baseline.
 */
import type { Database } from '../db';

/** The evaluations that follow up `evaluationId`, oldest first. */
export async function listFollowUps(db: Database, evaluationId: number) {
	return db
		.selectFrom('evaluation')
		.select(['id', 'year', 'status'])
		.where('previous_evaluation_id', '=', evaluationId)
		.orderBy('year')
		.orderBy('id')
		.execute();
}

/** The evaluation `evaluationId` follows up, if any. */
export async function findBaseline(db: Database, evaluationId: number) {
	return db
		.selectFrom('evaluation as e')
		.innerJoin('evaluation as b', 'b.id', 'e.previous_evaluation_id')
		.select(['b.id', 'b.year', 'b.status'])
		.where('e.id', '=', evaluationId)
		.executeTakeFirst();
}
