import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { computeTotals, validateSubareaScores } from '../../src/lib/domain/scoring';
import type { Rubric } from '../../src/lib/domain/rubric';

const rubric: Rubric = JSON.parse(readFileSync('rubric/kommunkompassen-2020.json', 'utf8'));
const karlskoga = JSON.parse(
	readFileSync('src/lib/server/db/seed/reference/karlskoga-2022.json', 'utf8')
);
const karlskogaScores: Record<string, number> = Object.fromEntries(
	karlskoga.areas.flatMap((a: { subareas: { number: string; achieved: number }[] }) =>
		a.subareas.map((s) => [s.number, s.achieved])
	)
);

describe('computeTotals', () => {
	it('derives Karlskoga 2022: 536 in all, 62 and 65 in areas 4 and 6 (not the printed 61/64)', () => {
		const totals = computeTotals(rubric, karlskogaScores);
		expect(totals.total).toBe(536);
		expect(totals.complete).toBe(true);
		const byArea = Object.fromEntries(totals.areas.map((a) => [a.areaId, a.achieved]));
		expect(byArea['4']).toBe(62);
		expect(byArea['6']).toBe(65);
		expect(byArea['1']).toBe(74);
	});

	it('keeps unscored subareas as missing, never as 0', () => {
		const partial = { ...karlskogaScores, '1.1': null, '1.2': undefined };
		const totals = computeTotals(rubric, partial);
		const area1 = totals.areas[0];
		expect(area1.complete).toBe(false);
		expect(area1.missing).toEqual(['1.1', '1.2']);
		expect(area1.achieved).toBe(74 - 15 - 8);
		expect(totals.complete).toBe(false);
	});

	it('has no total when nothing is scored', () => {
		const totals = computeTotals(rubric, {});
		expect(totals.total).toBeNull();
		expect(totals.areas.every((a) => a.achieved === null)).toBe(true);
	});
});

describe('validateSubareaScores', () => {
	it('names unknown subareas, out-of-range and non-integer points', () => {
		const problems = validateSubareaScores(rubric, { '1.1': 21, '1.2': 2.5, '9.9': 1, '1.3': 30 });
		expect(problems).toEqual([
			{ subareaId: '1.1', message: 'poängen måste vara mellan 0 och 20' },
			{ subareaId: '1.2', message: 'poängen måste vara ett heltal' },
			{ subareaId: '9.9', message: 'okänt delområde 9.9' }
		]);
	});
});
