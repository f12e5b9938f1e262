/**
 * RadarChart rendered on the server with `render` from svelte/server, as the page's first paint,
 * the SVG download and the PDF get it: a polygon per series, a label per axis, the table beside.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import RadarChart from '../../src/lib/components/charts/RadarChart.svelte';
import { profileRadar } from '../../src/lib/domain/charts/profile';
import { withLocale } from '../../src/lib/server/platform/with-locale';

const radar = profileRadar({
	areas: [
		{ id: '1', title: 'Samspel mellan förtroendevalda och medborgare', max: 100 },
		{ id: '2', title: 'Samhällsutveckling', max: 100 },
		{ id: '3', title: 'Styrning & kontroll', max: 100 },
		{ id: '4', title: 'Effektivitet', max: 100 }
	],
	name: 'Karlskoga',
	year: 2022,
	values: { '1': 74, '2': 60, '3': 55.5, '4': null },
	average: {
		label: 'Nationellt medelvärde (n = 4)',
		areas: { '1': 63, '2': 58, '3': 61, '4': 50 }
	},
	earlier: [{ year: 2018, areaScores: { '1': 70, '2': 52, '3': 49, '4': 45 } }]
});

const page = (props: Record<string, unknown> = {}, locale: 'sv' | 'en' = 'sv') =>
	withLocale(
		locale,
		// Svelte renders when `body` is read, so it is read inside.
		() => render(RadarChart, { props: { ...radar, title: 'Profil', id: 'p', ...props } }).body
	);

/** The SVG element(s) only, without the table. */
const drawing = (html: string) => html.slice(html.indexOf('<svg'), html.lastIndexOf('</svg>'));
/** The series polygons: filled paths (the grid rings have fill="none"). */
const polygons = (svg: string) =>
	svg.match(/<path d="[^"]*" fill="#[0-9A-Fa-f]{6}" fill-opacity=/g) ?? [];

describe('RadarChart', () => {
	it('draws one polygon per series and a label per axis', () => {
		const svg = drawing(page());
		expect(polygons(svg)).toHaveLength(3);
		for (const label of ['Samhällsutveckling', 'Styrning &amp; kontroll', 'Effektivitet'])
			expect(svg).toContain(`>${label}</tspan>`);
		// A long title is wrapped over several lines, every word still there.
		expect(svg).toContain('>Samspel mellan</tspan>');
		expect(svg).toContain('>medborgare</tspan>');
		expect(svg).toContain('<title id="p-title">Profil</title>');
	});

	it('has the data table beside it: a row per area, a column per series and the ± column', () => {
		const html = page();
		const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
		expect(table.match(/<th scope="row">/g)).toHaveLength(4);
		expect(table).toContain('<th scope="row">3. Styrning &amp; kontroll</th>');
		for (const label of ['Karlskoga 2022', 'Nationellt medelvärde (n = 4)', 'Karlskoga 2018'])
			expect(table).toContain(`>${label}</th>`);
		expect(table).toContain('>± Nationellt medelvärde (n = 4)</th>');
		// Decimals in the locale, a signed difference to the average, a missing value named.
		expect(table).toContain('>55,5</td>');
		expect(table).toContain('>+11</td>');
		expect(table).toContain('>−5,5</td>');
		expect(table).toContain('>inga utvärderingar</td>');
		expect(page({}, 'en')).toContain('>55.5</td>');
	});

	it('marks an incomplete series in the legend', () => {
		const html = page();
		expect(html).toContain('Karlskoga 2022 (ofullständig)');
		expect(html).not.toContain('Karlskoga 2018 (');
	});

	it('standalone: only an SVG document, with the legend inside and no table', () => {
		const svg = page({ standalone: true, size: 520, margin: 130 });
		expect(
			svg.replace(/<!--[^>]*-->/g, '').startsWith('<svg xmlns="http://www.w3.org/2000/svg"')
		).toBe(true);
		expect(svg).not.toContain('<table');
		expect(svg).toContain('viewBox="0 0 520 590"');
		expect(polygons(svg)).toHaveLength(3);
		expect(svg).toContain('>Karlskoga 2018</text>');
	});

	it('draws at most six series and still tables them all', () => {
		const many = Array.from({ length: 8 }, (_, i) => ({
			id: `s${i}`,
			label: `Serie ${i}`,
			values: { '1': 10 * i, '2': 10, '3': 10, '4': 10 }
		}));
		const html = page({ series: many });
		expect(polygons(drawing(html))).toHaveLength(6);
		expect(html).toContain('>Serie 7</th>');
	});
});
