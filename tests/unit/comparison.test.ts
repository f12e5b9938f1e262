import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Rubric } from '../../src/lib/domain/rubric';
import {
	areasOnRubric,
	changeBetween,
	minEvaluations,
	thresholdAverage,
	rankOf,
	relativeStrengths,
	type ResultLevels
} from '../../src/lib/domain/comparison';

const rubric = (id: string): Rubric => JSON.parse(readFileSync(`rubric/${id}.json`, 'utf8'));
const r2020 = rubric('kommunkompassen-2020');
const r2016 = rubric('kommunkompassen-2016');
const areas = (v: number[]) => Object.fromEntries(v.map((p, i) => [String(i + 1), p]));
const result = (code: string, year: number, over: Partial<ResultLevels>): ResultLevels => ({
	municipalityCode: code,
	year,
	subareaScores: null,
	areaScores: null,
	total: null,
	...over
});

describe('thresholdAverage', () => {
	it('thresholds an average computed elsewhere, keeping every n', () => {
		const avg = thresholdAverage({
			rubric: r2020.id,
			mode: 'all',
			count: 3,
			municipalities: 2,
			areas: { '1': { mean: 60, n: 3 }, '2': { mean: 55, n: 2 } },
			subareas: { '1.1': { mean: 12, n: 1 } },
			total: { mean: 500, n: 3 }
		});
		expect(avg.areas).toEqual({ '1': { mean: 60, n: 3 }, '2': { mean: null, n: 2 } });
		expect(avg.subareas['1.1']).toEqual({ mean: null, n: 1 });
		expect(minEvaluations).toBe(3);
	});
});

describe('areasOnRubric', () => {
	const r2010 = rubric('kommunkompassen-2010');
	const byId = new Map([r2010, r2016, r2020].map((r) => [r.id, r]));

	it('carries 2016 areas onto the 2020 areas through the mapping', () => {
		const on2020 = areasOnRubric(r2020, r2016.id, areas([10, 20, 30, 40, 50, 60, 70, 80]), byId);
		// 2020 area 2 (Samhällsutveckling) maps from 2016 area 8, area 4 from 5.
		expect(on2020).toMatchObject({ '1': 10, '2': 80, '4': 50 });
	});

	it('follows the mappings back through an intermediate version', () => {
		const on2020 = areasOnRubric(r2020, r2010.id, areas([10, 20, 30, 40, 50, 60, 70, 80]), byId);
		expect(on2020?.['2']).toBe(80);
	});

	it('has nothing to carry without area points', () => {
		expect(areasOnRubric(r2020, r2016.id, null, byId)).toBeNull();
	});
});

describe('ranks and relative strengths', () => {
	it('ranks with shared places for equal totals', () => {
		expect(rankOf(546, [648, 546, 546, 497])).toEqual({ rank: 2, of: 4 });
		expect(rankOf(497, [648, 546, 546, 497])).toEqual({ rank: 4, of: 4 });
	});

	it('gives no rank among fewer than three totals (issue 27)', () => {
		expect(rankOf(536, [648, 536])).toBeNull();
		expect(rankOf(536, [648, 546, 536])).toEqual({ rank: 3, of: 3 });
	});

	it('compares as share of the maximum, so a small subarea can be the largest gap', () => {
		const subs = Object.fromEntries(
			r2020.areas.flatMap((a) => a.subareas.map((s) => [s.id, s.maxPoints / 2]))
		);
		subs['3.1'] = 10; // 10 of 10, average 5: +50 % of max
		subs['7.2'] = 30; // 30 of 40, average 20: +25 % of max
		subs['1.3'] = 5; // 5 of 30, average 15: −33 % of max
		const half = Object.fromEntries(
			Object.keys(subs).map((k) => [
				k,
				r2020.areas.flatMap((a) => a.subareas).find((s) => s.id === k)!.maxPoints / 2
			])
		);
		const avg = thresholdAverage({
			rubric: r2020.id,
			mode: 'latest',
			count: 3,
			municipalities: 3,
			areas: {},
			subareas: Object.fromEntries(Object.entries(half).map(([k, v]) => [k, { mean: v, n: 3 }])),
			total: { mean: null, n: 0 }
		});
		const rel = relativeStrengths(r2020, result('y', 2022, { subareaScores: subs }), avg, 2);
		expect(rel.strengths.map((p) => p.id)).toEqual(['3.1', '7.2']);
		expect(rel.weaknesses[0]).toMatchObject({ id: '1.3', level: 'subarea' });
		expect(rel.weaknesses[0].difference).toBeCloseTo(-1 / 3);
	});
});

describe('changeBetween', () => {
	it('gives change per area and subarea on the same rubric', () => {
		const a = result('1883', 2022, {
			areaScores: areas([74, 68, 74, 62, 60, 65, 64, 69]),
			subareaScores: { '1.1': 15 },
			total: 536
		});
		const b = result('1883', 2026, {
			areaScores: areas([80, 68, 70, 62, 60, 65, 64, 69]),
			subareaScores: { '1.1': 18 },
			total: 538
		});
		const change = changeBetween({ rubric: r2020, result: a }, { rubric: r2020, result: b });
		expect(change.sameRubric).toBe(true);
		expect(change.total).toEqual({ from: 536, to: 538, change: 2, approximate: false });
		expect(change.areas.find((x) => x.id === '1')?.change).toBe(6);
		expect(change.areas.find((x) => x.id === '3')?.change).toBe(-4);
		expect(change.subareas.find((x) => x.id === '1.1')?.change).toBe(3);
	});

	it('across versions gives the total with a caveat and only mapped areas, flagged approximate', () => {
		const earlier = result('0115', 2019, {
			areaScores: areas([60, 61, 62, 63, 64, 65, 66, 67]),
			total: 508
		});
		const later = result('0115', 2021, {
			areaScores: areas([73, 75, 80, 83, 86, 82, 86, 83]),
			total: 648
		});
		const change = changeBetween(
			{ rubric: r2016, result: earlier },
			{ rubric: r2020, result: later }
		);
		expect(change.sameRubric).toBe(false);
		expect(change.total).toEqual({ from: 508, to: 648, change: 140, approximate: true });
		expect(change.subareas).toEqual([]);
		// 2020 area 2 (Samhällsutveckling) carries over 2016 area 8 (Kommunen som samhällsbyggare).
		expect(change.areas.find((x) => x.id === '2')).toMatchObject({
			fromIds: ['8'],
			from: 67,
			to: 75,
			change: 8,
			approximate: true
		});
	});

	it('across versions without a declared mapping gives only the total', () => {
		const change = changeBetween(
			{ rubric: rubric('kommunkompassen-2010'), result: result('1883', 2014, { total: 450 }) },
			{ rubric: r2020, result: result('1883', 2022, { total: 536 }) }
		);
		expect(change.areas).toEqual([]);
		expect(change.total.change).toBe(86);
	});
});
