import { describe, expect, it } from 'vitest';
import {
	answerTargetsOf,
	findingKey,
	formatSourceRef,
	interviewTotals,
	isExcerptOf,
	parseFindingKey,
	parseSourceRef,
	resolveAnswerTarget,
	type FindingRef,
	type SourceRef
} from '../../src/lib/domain/sources';
import { evidenceSchema } from '../../src/lib/server/sources/schemas';
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

	it('names a quoted source by a reference and reads it back', () => {
		const refs: SourceRef[] = [
			{ kind: 'interview', id: 12 },
			{ kind: 'web', id: 3 },
			{ kind: 'interview', id: 2_147_483_647 }
		];
		for (const ref of refs) expect(parseSourceRef(formatSourceRef(ref))).toEqual(ref);
		expect(formatSourceRef({ kind: 'interview', id: 12 })).toBe('interview:12');
		expect(formatSourceRef({ kind: 'web', id: 3 })).toBe('web:3');
	});

	it('reads nothing else as a source reference', () => {
		for (const bad of [
			'',
			'interview',
			'interview:',
			'interview:0',
			'interview:012',
			'interview:1.5',
			'interview:-1',
			'interview:2147483648',
			'interview:12345678901',
			'document:4',
			'Interview:4',
			'web:3:4',
			' web:3',
			'web:3; DROP'
		])
			expect([bad, parseSourceRef(bad)]).toEqual([bad, null]);
	});

	it('the evidence form reads its source as a reference and refuses a bad one at its field', () => {
		const form = { quote: 'Citat', note: '', subareaIds: ['1.1'] };
		expect(evidenceSchema.parse({ ...form, source: 'web:3' }).source).toEqual({
			kind: 'web',
			id: 3
		});
		const bad = evidenceSchema.safeParse({ ...form, source: 'document:3' });
		expect(bad.success).toBe(false);
		expect(bad.error?.issues).toEqual([
			expect.objectContaining({ path: ['source'], message: 'src.errors.sourceRequired' })
		]);
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
