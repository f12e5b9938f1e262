/**
 * What is whose to do next in an evaluation, and which planned dates have passed. Pure: the
 * caller gives the stage, the planned dates, the user's part and what is already done.
 */
import { isBefore, type EvaluationStatus } from './lifecycle';
import type { Role } from './roles';

/** The evaluation's planned dates, 'YYYY-MM-DD' or null when not planned. */
export interface PlannedDates {
	answersDue: string | null;
	visitStart: string | null;
	visitEnd: string | null;
	factCheckDue: string | null;
	publicationPlanned: string | null;
}

export const plannedDateKeys = [
	'answersDue',
	'visitStart',
	'visitEnd',
	'factCheckDue',
	'publicationPlanned'
] as const satisfies readonly (keyof PlannedDates)[];

/** The planned dates in the order the lifecycle meets them; a later one must not come first. */
export function datesOutOfOrder(dates: PlannedDates): (keyof PlannedDates)[] {
	const wrong: (keyof PlannedDates)[] = [];
	let latest: string | null = null;
	for (const key of plannedDateKeys) {
		const d = dates[key];
		if (!d) continue;
		if (latest && d < latest) wrong.push(key);
		else latest = d;
	}
	return wrong;
}

export type TaskCode =
	| 'declareNoConflict'
	| 'sendAnswers'
	| 'markDocuments'
	| 'visit'
	| 'submitSheet'
	| 'calibrate'
	| 'commentFactCheck'
	| 'answerFactCheck'
	| 'startCollection'
	| 'publish';

export interface Task {
	code: TaskCode;
	/** The planned date it is due by, or null when none is planned. */
	due: string | null;
	late: boolean;
}

/** What the user has already done in this evaluation. */
export interface TaskProgress {
	declaredNoConflict: boolean;
	/** The municipality has answered at least one question. */
	answersSent: boolean;
	/** Carried-over documents the municipality has not yet said still apply or not. */
	unmarkedCarriedDocuments: number;
	sheetSubmitted: boolean;
}

export interface TaskFacts {
	status: EvaluationStatus;
	/** The user's part here: the coordinator, an evaluator on the team, or the contact. */
	role: Role;
	dates: PlannedDates;
	done: TaskProgress;
}

const task = (code: TaskCode, due: string | null, today: string): Task => ({
	code,
	due,
	late: due !== null && due < today
});

/** The user's next tasks, in the order they come; `today` is 'YYYY-MM-DD'. */
export function tasksFor(facts: TaskFacts, today: string): Task[] {
	const { status, role, dates, done } = facts;
	const tasks: Task[] = [];
	if (status === 'publicerad') return tasks;
	const collecting = status === 'planering' || status === 'insamling';
	const visitAhead = collecting && (dates.visitStart === null || dates.visitStart >= today);
	switch (role) {
		case 'municipality':
			if (status === 'insamling' || status === 'poangsattning') {
				if (!done.answersSent) tasks.push(task('sendAnswers', dates.answersDue, today));
				if (done.unmarkedCarriedDocuments > 0)
					tasks.push(task('markDocuments', dates.answersDue, today));
			}
			if (status === 'insamling' && visitAhead) tasks.push(task('visit', dates.visitStart, today));
			if (status === 'faktagranskning')
				tasks.push(task('commentFactCheck', dates.factCheckDue, today));
			break;
		case 'evaluator':
			if (!done.declaredNoConflict) {
				// Nothing else opens before the declaration: it is due before the first planned date.
				tasks.push(task('declareNoConflict', firstDate(dates), today));
				break;
			}
			if (visitAhead) tasks.push(task('visit', dates.visitStart, today));
			if (status === 'poangsattning' && !done.sheetSubmitted)
				tasks.push(task('submitSheet', null, today));
			if (status === 'kalibrering') tasks.push(task('calibrate', null, today));
			if (status === 'faktagranskning')
				tasks.push(task('answerFactCheck', dates.factCheckDue, today));
			break;
		case 'coordinator':
			if (status === 'planering') tasks.push(task('startCollection', dates.answersDue, today));
			if (status === 'faktagranskning')
				tasks.push(task('publish', dates.publicationPlanned, today));
			break;
	}
	return tasks;
}

function firstDate(dates: PlannedDates): string | null {
	for (const key of plannedDateKeys) if (dates[key]) return dates[key];
	return null;
}

/** A planned date and the stage the evaluation must have reached (or passed) by then. */
const milestones: { key: keyof PlannedDates; passedWhen: EvaluationStatus }[] = [
	{ key: 'answersDue', passedWhen: 'poangsattning' },
	{ key: 'visitEnd', passedWhen: 'poangsattning' },
	{ key: 'factCheckDue', passedWhen: 'publicerad' },
	{ key: 'publicationPlanned', passedWhen: 'publicerad' }
];

/** The planned dates that have passed while the evaluation has not reached their stage. */
export function lateMilestones(
	status: EvaluationStatus,
	dates: PlannedDates,
	today: string
): { key: keyof PlannedDates; date: string }[] {
	return milestones.flatMap(({ key, passedWhen }) => {
		const date = dates[key];
		return date && date < today && isBefore(status, passedWhen) ? [{ key, date }] : [];
	});
}

/**
 * The planned dates, of those given, already past on `today` ('YYYY-MM-DD'): a new evaluation
 * planned so would show "försenad" at once, so the form asks whether that is meant.
 */
export function pastPlannedDates(
	dates: Partial<Record<(typeof plannedDateKeys)[number], string | null>>,
	today: string
): (typeof plannedDateKeys)[number][] {
	return plannedDateKeys.filter((key) => {
		const d = dates[key];
		return Boolean(d && d < today);
	});
}

/** Today as 'YYYY-MM-DD' in Swedish time (the programme's dates are Swedish dates). */
export function todayInSweden(now = new Date()): string {
	return now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
}
