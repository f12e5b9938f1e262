/**
 * A chart never joins totals of different rubric versions (issue 27): each version is its own
 * series with its own line, and the change of version is a break, not a segment.
 */
import { describe, expect, it } from 'vitest';
import { lineGeometry } from '../../src/lib/domain/charts/line';

const points = [
	{ year: 2014, value: 450, series: 'Kommunkompassen 2010' },
	{ year: 2018, value: 500, series: 'Kommunkompassen 2016' },
	{ year: 2022, value: 536, series: 'Kommunkompassen 2020' },
	{ year: 2025, value: 560, series: 'Kommunkompassen 2020' }
];

describe('lineGeometry across versions', () => {
	it('draws one line per run of the same version and none across versions', () => {
		const g = lineGeometry(points);
		expect(g.segments.map((s) => s.series)).toEqual(['Kommunkompassen 2020']);
		// The one segment runs from 2022 to 2025 only: two points, no more.
		expect(g.segments[0].path.match(/[ML]/g)).toHaveLength(2);
	});

	it('marks each change of version with a break between the two years', () => {
		const g = lineGeometry(points);
		const x = (year: number) => g.points.find((p) => p.year === year)!.x;
		expect(g.breaks.map((b) => b.x)).toEqual([(x(2014) + x(2018)) / 2, (x(2018) + x(2022)) / 2]);
	});

	it('has no break on one version', () => {
		const g = lineGeometry(points.slice(2));
		expect(g.breaks).toEqual([]);
		expect(g.segments).toHaveLength(1);
	});
});
