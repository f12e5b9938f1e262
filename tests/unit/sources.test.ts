import { describe, expect, it } from 'vitest';
import {
	answerTargetsOf,
	findingKey,
	interviewTotals,
	isExcerptOf,
	parseFindingKey,
	resolveAnswerTarget,
	type FindingRef
} from '../../src/lib/domain/sources';
import type { Rubric } from '../../src/lib/domain/rubric';

const rubric = {
	id: 'test',
	title: 'Test',
	year: 2030,
	maxPoints: 30,
	areas: [
		{
			id: '1',
			title: 'Ett',
			maxPoints: 30,
			subareas: [
				{
					id: '1.1',
					title: 'Med frågor',
					maxPoints: 20,
					questions: [
						{ id: '1.1.1', text: 'Fråga ett' },
						{ id: '1.1.2', text: 'Fråga två' }
					]
				},
				{ id: '1.2', title: 'Utan frågor', maxPoints: 10 }
			]
		}
	]
} satisfies Rubric;

describe('what the municipality answers', () => {
	it('answers per question where a subarea has questions, else the subarea as a whole', () => {
		expect(rubric.areas[0].subareas.flatMap((s) => answerTargetsOf(s))).toEqual([
			{ subareaId: '1.1', questionId: '1.1.1', questionText: 'Fråga ett' },
			{ subareaId: '1.1', questionId: '1.1.2', questionText: 'Fråga två' },
			{ subareaId: '1.2', questionId: null, questionText: null }
		]);
		expect(answerTargetsOf(rubric.areas[0].subareas[1])).toHaveLength(1);
	});

	it('resolves a form or import id to its target and refuses the rest', () => {
		expect(resolveAnswerTarget(rubric, '1.1.2')).toEqual({ subareaId: '1.1', questionId: '1.1.2' });
		expect(resolveAnswerTarget(rubric, '1.2')).toEqual({ subareaId: '1.2', questionId: null });
		// A subarea with questions is answered question by question, not as a whole.
		expect(resolveAnswerTarget(rubric, '1.1')).toBeUndefined();
		expect(resolveAnswerTarget(rubric, '1.3')).toBeUndefined();
		expect(resolveAnswerTarget(rubric, '')).toBeUndefined();
	});
});

describe('quotes', () => {
	it('is an excerpt whatever the whitespace, but not when a word differs', () => {
		const notes = 'KS ordförande:\n  "Vi möts   fyra gånger om året."\nSedan 2024.';
		expect(isExcerptOf('"Vi möts fyra gånger\tom året."', notes)).toBe(true);
		expect(isExcerptOf('  Sedan 2024. ', notes)).toBe(true);
		expect(isExcerptOf('Vi möts fem gånger om året.', notes)).toBe(false);
		expect(isExcerptOf('   ', notes)).toBe(false);
		// Composed and decomposed å are the same letter.
		expect(isExcerptOf('ordförande', 'ordfo\u0308rande')).toBe(true);
	});
});

describe('findings citing evidence', () => {
	it('names each kind of finding by a key and reads it back', () => {
		const refs: FindingRef[] = [
			{ kind: 'strength', id: 12 },
			{ kind: 'improvement', id: 3 },
			{ kind: 'recommendation', id: 7 },
			{ kind: 'narrative', subareaId: '1.3' },
			{ kind: 'general', areaId: '2' }
		];
		for (const ref of refs) expect(parseFindingKey(findingKey(ref))).toEqual(ref);
		expect(findingKey({ kind: 'narrative', subareaId: '1.3' })).toBe('narrative:1.3');
		for (const bad of [
			'',
			'strength:',
			'strength:0',
			'strength:1.5',
			'narrative:1',
			'general:1.1',
			'summary:1',
			'strength:12; DROP'
		])
			expect([bad, parseFindingKey(bad)]).toEqual([bad, null]);
	});

	it('totals interviews and people over the groups', () => {
		expect(
			interviewTotals([
				{ group: 'fortroendevalda', interviews: 2, people: 7 },
				{ group: 'annan', interviews: 1, people: 1 }
			])
		).toEqual({ interviews: 3, people: 8 });
	});
});
