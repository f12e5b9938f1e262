/** The evaluations a user's workspace list holds, filtered in SQL by the policy's read rule. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../db';
import type { SessionUser } from '../auth/types';
import { stages } from '$lib/domain/lifecycle';
import type { PlannedDates } from '$lib/domain/tasks';
import { selectEvaluationFacts, type EvaluationFacts } from './evaluations';

export interface EvaluationListItem extends Omit<EvaluationFacts, 'previousEvaluationId'> {
	origin: 'workspace' | 'import';
	/** The planned dates, to show what is late. */
	dates: PlannedDates;
}

/**
 * The workspace evaluations that are this user's to work with and that the policy lets them read
 * (`evaluation.read`), newest first. Theirs: all for the coordinator, the team's for an
 * evaluator, their municipality's for a contact. The read rule is the policy's, written as SQL
 * (one query instead of asking the policy row by row); tests/db/evaluation-list.test.ts holds the
 * two to the same answer.
 */
export async function listEvaluationsFor(
	db: Database,
	user: SessionUser
): Promise<EvaluationListItem[]> {
	return selectEvaluationFacts(db)
		.select([
			'e.origin',
			'e.answers_due',
			'e.visit_start',
			'e.visit_end',
			'e.fact_check_due',
			'e.publication_planned'
		])
		.where('e.origin', '=', 'workspace')
		.where((eb) => {
			const published = eb('e.status', '=', 'publicerad');
			// Until the one-time password is replaced, only what is public.
			const signedIn = (rule: Expression<SqlBool>) => (user.mustChangePassword ? published : rule);
			switch (user.role) {
				case 'coordinator':
					return signedIn(sql<boolean>`true`);
				case 'evaluator':
					return eb.and([
						eb(
							'e.id',
							'in',
							eb
								.selectFrom('evaluation_member')
								.select('evaluation_id')
								.where('user_id', '=', user.id)
						),
						signedIn(sql<boolean>`true`)
					]);
				case 'municipality':
					return eb.and([
						eb('e.municipality_code', '=', user.municipalityCode ?? ''),
						signedIn(
							eb.or([
								published,
								// The designated contact (or any, if none is named) from collection on.
								eb.and([
									eb.or([
										eb('e.contact_user_id', 'is', null),
										eb('e.contact_user_id', '=', user.id)
									]),
									eb('e.status', 'in', stages.slice(stages.indexOf('insamling')))
								])
							])
						)
					]);
			}
		})
		.orderBy('e.year', 'desc')
		.orderBy('e.id', 'desc')
		.execute()
		.then((rows) =>
			rows.map(
				({ answers_due, visit_start, visit_end, fact_check_due, publication_planned, ...e }) => ({
					...e,
					dates: {
						answersDue: answers_due,
						visitStart: visit_start,
						visitEnd: visit_end,
						factCheckDue: fact_check_due,
						publicationPlanned: publication_planned
					}
				})
			)
		);
}
