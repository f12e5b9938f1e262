import { describe, expect, it } from 'vitest';
import {
	agreement,
	category,
	needsDiscussion,
	weightedKappa
} from '../../src/lib/domain/agreement';

describe('weighted kappa', () => {
	it('matches a hand-computed example (3 categories, linear weights)', () => {
		// Pairs: (0,0) (0,1) (1,1) (2,2) (2,1)   n = 5
		// Observed weighted agreement: weights 1, .5, 1, 1, .5 → po = 4/5 = 0.8
		// Rows: r0 = 2, r1 = 1, r2 = 2; columns: c0 = 1, c1 = 3, c2 = 1 (shares /5)
		// pe = Σ w(i,j)·ri·cj / 25 with w = 1, .5, 0 by distance:
		//   i=0: 2·(1·1 + .5·3 + 0·1) = 5;  i=1: 1·(.5·1 + 1·3 + .5·1) = 4;  i=2: 2·(0 + .5·3 + 1·1) = 5
		//   pe = 14/25 = 0.56;  kappa = (0.8 − 0.56)/(1 − 0.56) = 0.24/0.44 = 0.545454…
		const kappa = weightedKappa(
			[
				[0, 0],
				[0, 1],
				[1, 1],
				[2, 2],
				[2, 1]
			],
			3
		);
		expect(kappa).toBeCloseTo(6 / 11, 10);
	});

	it('is 1 for perfect agreement over varied categories and null when undefined', () => {
		expect(
			weightedKappa(
				[
					[0, 0],
					[1, 1],
					[2, 2]
				],
				3
			)
		).toBeCloseTo(1);
		expect(
			weightedKappa(
				[
					[1, 1],
					[1, 1]
				],
				3
			)
		).toBeNull();
	});
});

describe('agreement over subareas', () => {
	it('computes exact share, mean absolute difference and flags > 10 % of max', () => {
		const pairs = [
			{ subareaId: '1.1', max: 20, a: 15, b: 15 },
			{ subareaId: '1.2', max: 10, a: 8, b: 6 },
			{ subareaId: '1.3', max: 30, a: 24, b: 21 }
		];
		const result = agreement(pairs);
		expect(result.n).toBe(3);
		expect(result.exactShare).toBeCloseTo(1 / 3);
		expect(result.meanAbsoluteDifference).toBeCloseTo(5 / 3);
		expect(pairs.map(needsDiscussion)).toEqual([false, true, false]);
		expect(category(20, 20)).toBe(4);
		expect(category(4, 20)).toBe(1);
		expect(category(3, 20)).toBe(0);
	});

	it('has no figures without pairs', () => {
		expect(agreement([])).toEqual({
			n: 0,
			exactShare: null,
			meanAbsoluteDifference: null,
			weightedKappa: null
		});
	});
});
