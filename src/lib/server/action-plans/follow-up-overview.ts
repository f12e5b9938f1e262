/**
 * What a municipality follows up between evaluations, for its contact's landing page: each
 * published evaluation's action plan in figures (actions, open, past their target date, the next
 * target date) and each self-assessment with whether the reader still has a sheet to hand in.
 */
import { sql } from 'kysely';
import type { Database } from '../db';

/** The action plans of the municipality's published evaluations, newest first. */
export async function listActionPlanSummaries(
	db: Database,
	municipalityCode: string,
	today: string
) {
	const open = sql<boolean>`a.status in ('planerad', 'pagar')`;
	return db
		.selectFrom('evaluation as e')
		.leftJoin('action_item as a', 'a.evaluation_id', 'e.id')
		.select((eb) => [
			'e.id',
			'e.year',
			eb.fn.count<number>('a.id').as('actions'),
			eb.fn.count<number>('a.id').filterWhere(open).as('open'),
			eb.fn
				.count<number>('a.id')
				.filterWhere(sql<boolean>`${open} and a.target_date < ${today}`)
				.as('overdue'),
			eb.fn
				.min('a.target_date')
				.filterWhere(sql<boolean>`${open} and a.target_date >= ${today}`)
				.as('nextTarget')
		])
		.where('e.municipality_code', '=', municipalityCode)
		.where('e.status', '=', 'publicerad')
		.groupBy(['e.id', 'e.year'])
		.orderBy('e.year', 'desc')
		.execute();
}

/** The municipality's self-assessments with whether `userId` is a member yet to hand in. */
export async function listSelfAssessmentsDue(
	db: Database,
	municipalityCode: string,
	userId: number
) {
	return db
		.selectFrom('self_assessment as sa')
		.leftJoin('self_assessment_member as m', (j) =>
			j.onRef('m.self_assessment_id', '=', 'sa.id').on('m.user_id', '=', userId)
		)
		.select([
			'sa.id',
			'sa.name',
			'sa.assessed_on as assessedOn',
			'sa.status',
			sql<boolean>`m.user_id is not null and m.submitted_at is null`.as('sheetDue')
		])
		.where('sa.municipality_code', '=', municipalityCode)
		.orderBy('sa.assessed_on', 'desc')
		.execute();
}
