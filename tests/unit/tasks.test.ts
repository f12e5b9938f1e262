import { describe, expect, it } from 'vitest';
import {
	datesOutOfOrder,
	lateMilestones,
	tasksFor,
	todayInSweden,
	type PlannedDates,
	type TaskProgress
} from '../../src/lib/domain/tasks';

const dates: PlannedDates = {
	answersDue: '2026-03-01',
	visitStart: '2026-03-20',
	visitEnd: '2026-03-22',
	factCheckDue: '2026-05-01',
	publicationPlanned: '2026-06-01'
};
const none: PlannedDates = {
	answersDue: null,
	visitStart: null,
	visitEnd: null,
	factCheckDue: null,
	publicationPlanned: null
};
const nothingDone: TaskProgress = {
	declaredNoConflict: false,
	answersSent: false,
	unmarkedCarriedDocuments: 0,
	sheetSubmitted: false
};
const declared: TaskProgress = { ...nothingDone, declaredNoConflict: true };

describe('tasksFor', () => {
	it('asks the contact in collection for the answers by their date, then the visit', () => {
		expect(
			tasksFor(
				{ status: 'insamling', role: 'municipality', dates, done: nothingDone },
				'2026-02-01'
			)
		).toEqual([
			{ code: 'sendAnswers', due: '2026-03-01', late: false },
			{ code: 'visit', due: '2026-03-20', late: false }
		]);
	});

	it('marks the answers late once their date has passed, and drops them once sent', () => {
		const late = tasksFor(
			{ status: 'insamling', role: 'municipality', dates, done: nothingDone },
			'2026-03-02'
		);
		expect(late[0]).toEqual({ code: 'sendAnswers', due: '2026-03-01', late: true });
		const sent = tasksFor(
			{
				status: 'insamling',
				role: 'municipality',
				dates,
				done: { ...nothingDone, answersSent: true }
			},
			'2026-03-02'
		);
		expect(sent.map((t) => t.code)).toEqual(['visit']);
	});

	it('asks the contact to say which carried-over documents still apply', () => {
		const tasks = tasksFor(
			{
				status: 'insamling',
				role: 'municipality',
				dates,
				done: { ...nothingDone, answersSent: true, unmarkedCarriedDocuments: 2 }
			},
			'2026-02-01'
		);
		expect(tasks[0]).toEqual({ code: 'markDocuments', due: '2026-03-01', late: false });
	});

	it('gives the contact nothing before collection and the fact check in its stage', () => {
		expect(
			tasksFor(
				{ status: 'planering', role: 'municipality', dates, done: nothingDone },
				'2026-01-01'
			)
		).toEqual([]);
		expect(
			tasksFor(
				{ status: 'faktagranskning', role: 'municipality', dates, done: nothingDone },
				'2026-05-02'
			)
		).toEqual([{ code: 'commentFactCheck', due: '2026-05-01', late: true }]);
	});

	it('asks an evaluator for the declaration first, due by the first planned date', () => {
		expect(
			tasksFor({ status: 'insamling', role: 'evaluator', dates, done: nothingDone }, '2026-02-01')
		).toEqual([{ code: 'declareNoConflict', due: '2026-03-01', late: false }]);
		expect(
			tasksFor(
				{ status: 'planering', role: 'evaluator', dates: none, done: nothingDone },
				'2026-02-01'
			)
		).toEqual([{ code: 'declareNoConflict', due: null, late: false }]);
	});

	it("follows an evaluator's part through the stages", () => {
		const at = (status: Parameters<typeof tasksFor>[0]['status'], done = declared) =>
			tasksFor({ status, role: 'evaluator', dates, done }, '2026-03-25').map((t) => t.code);
		expect(at('insamling')).toEqual([]); // the visit is over
		expect(at('poangsattning')).toEqual(['submitSheet']);
		expect(at('poangsattning', { ...declared, sheetSubmitted: true })).toEqual([]);
		expect(at('kalibrering')).toEqual(['calibrate']);
		expect(at('faktagranskning')).toEqual(['answerFactCheck']);
		expect(at('publicerad')).toEqual([]);
	});

	it("gives the coordinator the stage's own step", () => {
		expect(
			tasksFor({ status: 'planering', role: 'coordinator', dates, done: nothingDone }, '2026-01-01')
		).toEqual([{ code: 'startCollection', due: '2026-03-01', late: false }]);
		expect(
			tasksFor(
				{ status: 'faktagranskning', role: 'coordinator', dates, done: nothingDone },
				'2026-06-02'
			)
		).toEqual([{ code: 'publish', due: '2026-06-01', late: true }]);
	});
});

describe('lateMilestones', () => {
	it('lists the planned dates passed before their stage was reached', () => {
		expect(lateMilestones('insamling', dates, '2026-03-23')).toEqual([
			{ key: 'answersDue', date: '2026-03-01' },
			{ key: 'visitEnd', date: '2026-03-22' }
		]);
		expect(lateMilestones('poangsattning', dates, '2026-03-23')).toEqual([]);
		expect(lateMilestones('kalibrering', dates, '2026-06-02').map((m) => m.key)).toEqual([
			'factCheckDue',
			'publicationPlanned'
		]);
		expect(lateMilestones('publicerad', dates, '2027-01-01')).toEqual([]);
		expect(lateMilestones('insamling', none, '2027-01-01')).toEqual([]);
	});
});

describe('datesOutOfOrder', () => {
	it('names a date planned before an earlier step', () => {
		expect(datesOutOfOrder(dates)).toEqual([]);
		expect(datesOutOfOrder({ ...dates, factCheckDue: '2026-03-10' })).toEqual(['factCheckDue']);
		expect(
			datesOutOfOrder({ ...none, publicationPlanned: '2026-01-01', answersDue: '2026-02-01' })
		).toEqual(['publicationPlanned']);
	});
});

describe('todayInSweden', () => {
	it('is the Swedish date, not the UTC one', () => {
		expect(todayInSweden(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
	});
});
