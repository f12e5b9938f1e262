/** A user's next tasks in one evaluation, from its stage, planned dates and what is done. */
import type { Database } from '../db';
import { tasksFor, type PlannedDates, type Task } from '$lib/domain/tasks';
import type { Role } from '$lib/domain/roles';

/**
 * The signed-in user's next tasks in one evaluation with their planned dates (see
 * $lib/domain/tasks.ts), or none when the user has no part in it.
 */
export async function loadTasks(
	db: Database,
	evaluationId: number,
	userId: number,
	/** The user's part in the evaluation (policy.ts `partIn`); null gives no tasks. */
	role: Role | null,
	today: string
): Promise<{ tasks: Task[]; dates: PlannedDates }> {
	const e = await db
		.selectFrom('evaluation as e')
		.select((eb) => [
			'e.status',
			'e.answers_due as answersDue',
			'e.visit_start as visitStart',
			'e.visit_end as visitEnd',
			'e.fact_check_due as factCheckDue',
			'e.publication_planned as publicationPlanned',
			eb
				.exists(
					eb
						.selectFrom('written_answer')
						.select('id')
						.whereRef('evaluation_id', '=', 'e.id')
						.where('answer', '!=', '')
				)
				.as('answersSent'),
			eb
				.selectFrom('source_document')
				.select((s) => s.fn.countAll<string>().as('n'))
				.whereRef('evaluation_id', '=', 'e.id')
				.where('carried_from_id', 'is not', null)
				.where('still_applies', 'is', null)
				.as('unmarked'),
			eb
				.selectFrom('evaluation_member')
				.select('no_conflict_declared_at')
				.whereRef('evaluation_id', '=', 'e.id')
				.where('user_id', '=', userId)
				.as('declaredAt'),
			eb
				.selectFrom('score_sheet')
				.select('submitted_at')
				.whereRef('evaluation_id', '=', 'e.id')
				.where('user_id', '=', userId)
				.as('submittedAt')
		])
		.where('e.id', '=', evaluationId)
		.executeTakeFirstOrThrow();
	const dates: PlannedDates = {
		answersDue: e.answersDue,
		visitStart: e.visitStart,
		visitEnd: e.visitEnd,
		factCheckDue: e.factCheckDue,
		publicationPlanned: e.publicationPlanned
	};
	if (!role) return { tasks: [], dates };
	const tasks = tasksFor(
		{
			status: e.status,
			role,
			dates,
			done: {
				declaredNoConflict: Boolean(e.declaredAt),
				answersSent: Boolean(e.answersSent),
				unmarkedCarriedDocuments: Number(e.unmarked ?? 0),
				sheetSubmitted: Boolean(e.submittedAt)
			}
		},
		today
	);
	return { tasks, dates };
}
