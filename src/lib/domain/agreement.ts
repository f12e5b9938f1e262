/**
 * How well two evaluators' blind scores agree, over the subareas both scored.
 *
 * Subareas have different maxima (10–40), so for kappa each score is put on a common scale:
 * its share of the maximum, binned into five categories (0–20 %, 20–40 %, …, 80–100 %; a share
 * exactly on a boundary goes to the upper bin, 100 % to the top one). Weighted Cohen's kappa with
 * linear weights w(i,j) = 1 − |i−j|/(k−1) is then computed over those categories.
 */

export interface ScorePair {
	subareaId: string;
	max: number;
	a: number;
	b: number;
}

export const kappaCategories = 5;

export function category(points: number, max: number, k = kappaCategories): number {
	return Math.min(k - 1, Math.floor((points / max) * k));
}

/** Subareas whose two scores differ by more than 10 % of the maximum. */
export function needsDiscussion(pair: ScorePair): boolean {
	return Math.abs(pair.a - pair.b) > 0.1 * pair.max;
}

export interface Agreement {
	n: number;
	/** Share of subareas with identical points. */
	exactShare: number | null;
	/** Mean of |a − b| in points. */
	meanAbsoluteDifference: number | null;
	/** Linearly weighted Cohen's kappa over the share-of-max categories; null when undefined. */
	weightedKappa: number | null;
}

export function agreement(pairs: ScorePair[], k = kappaCategories): Agreement {
	const n = pairs.length;
	if (n === 0) return { n, exactShare: null, meanAbsoluteDifference: null, weightedKappa: null };
	const exactShare = pairs.filter((p) => p.a === p.b).length / n;
	const meanAbsoluteDifference = pairs.reduce((acc, p) => acc + Math.abs(p.a - p.b), 0) / n;
	return {
		n,
		exactShare,
		meanAbsoluteDifference,
		weightedKappa: weightedKappa(
			pairs.map((p) => [category(p.a, p.max, k), category(p.b, p.max, k)]),
			k
		)
	};
}

/** Weighted kappa for pairs of category indices 0..k−1; null when expected agreement is perfect. */
export function weightedKappa(pairs: [number, number][], k: number): number | null {
	const n = pairs.length;
	if (n === 0) return null;
	const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	const rowTotals = new Array<number>(k).fill(0);
	const colTotals = new Array<number>(k).fill(0);
	for (const [i, j] of pairs) {
		observed[i][j] += 1;
		rowTotals[i] += 1;
		colTotals[j] += 1;
	}
	const weight = (i: number, j: number) => 1 - Math.abs(i - j) / (k - 1);
	let po = 0;
	let pe = 0;
	for (let i = 0; i < k; i++) {
		for (let j = 0; j < k; j++) {
			po += weight(i, j) * (observed[i][j] / n);
			pe += weight(i, j) * ((rowTotals[i] / n) * (colTotals[j] / n));
		}
	}
	if (pe === 1) return null;
	return (po - pe) / (1 - pe);
}
