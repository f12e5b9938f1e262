import { describe, expect, it } from 'vitest';
import {
	checkSelfAssessmentSums,
	gapBySubarea,
	groupAgreement
} from '../../src/lib/domain/self-assessment';
import { agreement } from '../../src/lib/domain/agreement';
import type { Rubric } from '../../src/lib/domain/rubric';

const rubric = {
	id: 'test',
	title: 'Test',
	year: 2020,
	maxPoints: 60,
	areas: [
		{
			id: '1',
			title: 'Ett',
			maxPoints: 30,
			subareas: [
				{ id: '1.1', title: 'A', maxPoints: 10 },
				{ id: '1.2', title: 'B', maxPoints: 20 }
			]
		},
		{ id: '2', title: 'Två', maxPoints: 30, subareas: [{ id: '2.1', title: 'C', maxPoints: 30 }] }
	]
} as Rubric;

const sheet = (userId: number, points: Record<string, number>) => ({
	userId,
	scores: Object.fromEntries(Object.entries(points).map(([id, p]) => [id, { points: p }]))
});

describe('the group’s agreement', () => {
	it('is calibration’s figure for two members', () => {
		const a = { '1.1': 5, '1.2': 10, '2.1': 30 };
		const b = { '1.1': 5, '1.2': 15, '2.1': 29 };
		const { stats, flagged } = groupAgreement(rubric, [sheet(1, a), sheet(2, b)]);
		expect(stats).toEqual(
			agreement([
				{ subareaId: '1.1', max: 10, a: 5, b: 5 },
				{ subareaId: '1.2', max: 20, a: 10, b: 15 },
				{ subareaId: '2.1', max: 30, a: 30, b: 29 }
			])
		);
		expect(flagged).toEqual(['1.2']);
	});

	it('pools every pair of three members', () => {
		const s = (p: number) => sheet(p, { '1.1': p, '1.2': 0, '2.1': 0 });
		const { stats } = groupAgreement(rubric, [s(1), s(2), s(3)]);
		expect(stats.n).toBe(9);
		expect(stats.meanAbsoluteDifference).toBeCloseTo((1 + 2 + 1) / 9);
	});
});

describe('the gap', () => {
	it('lists over- and underestimations by share of the maximum', () => {
		const gap = gapBySubarea(
			rubric,
			{ '1.1': 9, '1.2': 10, '2.1': 20 },
			{ '1.1': 5, '1.2': 12, '2.1': 29 },
			{ '1.1': 6, '1.2': null }
		);
		expect(gap.over.map((r) => r.subareaId)).toEqual(['1.1']);
		expect(gap.under.map((r) => [r.subareaId, r.difference])).toEqual([
			['2.1', -9],
			['1.2', -2]
		]);
		expect(gap.large).toEqual(['1.1', '2.1']);
		expect(gap.rows.find((r) => r.subareaId === '1.1')!.national).toBe(6);
	});

	it('has no differences without an external evaluation', () => {
		const gap = gapBySubarea(rubric, { '1.1': 9 }, null, {});
		expect(gap.rows.every((r) => r.difference === null)).toBe(true);
		expect([gap.over, gap.under, gap.large]).toEqual([[], [], []]);
	});
});

describe('sums of an imported file', () => {
	const scores = { '1.1': 5, '1.2': 10, '2.1': 20 };
	it('accepts matching sums', () => {
		expect(
			checkSelfAssessmentSums(rubric, { scores, areaScores: { '1': 15, '2': 20 }, total: 35 })
		).toEqual([]);
	});
	it('names a wrong area sum and a wrong total', () => {
		expect(
			checkSelfAssessmentSums(rubric, { scores, areaScores: { '1': 16 }, total: 36 }).map(
				(p) => p.key
			)
		).toEqual(['sa.import.areaSum', 'sa.import.totalSum']);
	});
	it('names a missing, an unknown and an out-of-range subarea', () => {
		expect(
			checkSelfAssessmentSums(rubric, { scores: { '1.1': 11, '9.9': 1, '2.1': 1 } }).map((p) => [
				p.key,
				p.vars.id
			])
		).toEqual([
			['sa.import.unknownSubarea', '9.9'],
			['sa.import.range', '1.1'],
			['sa.import.missing', '1.2']
		]);
	});
});
