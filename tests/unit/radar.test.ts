import { describe, expect, it } from 'vitest';
import { radarGeometry, wrapLabel } from '../../src/lib/domain/charts/radar';
import { renderRadarSvg } from '../../src/lib/server/results/charts';

const axes = ['1', '2', '3', '4'].map((id) => ({ id, label: `Område ${id}`, max: 100 }));

describe('radarGeometry', () => {
	it('puts the first axis at 12 o’clock and goes clockwise', () => {
		const g = radarGeometry(axes, [], { size: 200, margin: 0 });
		expect(g.axes[0].x).toBeCloseTo(100);
		expect(g.axes[0].y).toBeCloseTo(0);
		expect(g.axes[1].x).toBeCloseTo(200);
		expect(g.axes[1].y).toBeCloseTo(100);
		expect(g.axes[1].anchor).toBe('start');
		expect(g.axes[3].anchor).toBe('end');
	});

	it('places a value at its share of the radius', () => {
		const g = radarGeometry(
			axes,
			[{ id: 'm', label: 'M', values: { '1': 50, '2': 100, '3': 0, '4': 25 } }],
			{
				size: 200,
				margin: 0
			}
		);
		const [p1, p2, p3, p4] = g.series[0].points;
		expect(p1.y).toBeCloseTo(50);
		expect(p2.x).toBeCloseTo(200);
		expect(p3.y).toBeCloseTo(100);
		expect(p4.x).toBeCloseTo(75);
		expect(g.series[0].complete).toBe(true);
		expect(g.series[0].path.startsWith('M100,50')).toBe(true);
	});

	it('marks a series with a missing value as incomplete', () => {
		const g = radarGeometry(axes, [{ id: 'm', label: 'M', values: { '1': 50 } }]);
		expect(g.series[0].complete).toBe(false);
		expect(g.series[0].points[1].value).toBeNull();
	});

	it('renders an SVG with escaped labels and one legend entry per series', () => {
		const svg = renderRadarSvg({
			axes: [{ id: '1', label: 'Styrning & kontroll', max: 100 }, ...axes.slice(1)],
			series: [
				{ id: 'a', label: 'Karlskoga 2022', values: { '1': 74 } },
				{ id: 'b', label: 'Snitt <alla>', values: { '1': 63 } }
			],
			averageIndex: 1,
			title: 'Profil'
		});
		expect(svg).toContain('Styrning &amp; kontroll');
		expect(svg).toContain('Snitt &lt;alla>');
		expect(svg.match(/stroke-dasharray="6 4"/g)?.length).toBe(2);
		expect(svg).toContain('<title>Profil</title>');
	});
});

describe('wrapLabel', () => {
	it('hyphenates a word longer than a line where a Swedish compound joins', () => {
		expect(wrapLabel('Samhällsutveckling', 12)).toEqual(['Samhälls-', 'utveckling']);
		expect(wrapLabel('Kvalitetsutveckling', 12)).toEqual(['Kvalitets-', 'utveckling']);
		expect(wrapLabel('Chefs- och ledarskap samt medarbetarskap', 12)).toEqual([
			'Chefs- och',
			'ledarskap',
			'samt',
			'medarbetar-',
			'skap'
		]);
		expect(wrapLabel('Styrning och kontroll', 22)).toEqual(['Styrning och kontroll']);
		for (const line of wrapLabel('Samspel mellan förtroendevalda och medborgare', 12))
			expect(line.length).toBeLessThanOrEqual(12);
	});
});
