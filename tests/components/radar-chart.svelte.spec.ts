/**
 * RadarChart on a page, in a real browser: what a person and a screen reader get (the named
 * figure, one polygon per series matching its legend entry, every axis label whole, the table),
 * and the drawing measured again when its box narrows, down to a 390 px phone without sideways
 * scrolling. The server-rendered SVG (downloads, PDF) is tested in tests/unit/radar-chart.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import RadarChart from '$lib/components/charts/RadarChart.svelte';
import { profileRadar } from '$lib/domain/charts/profile';

/** The eight areas of the 2020 rubric, long titles included. */
const titles = [
	'Samspel mellan förtroendevalda och medborgare',
	'Samhällsutveckling',
	'Styrning och kontroll',
	'Effektivitet',
	'Brukarens fokus',
	'Kvalitetsutveckling',
	'Arbetsliv',
	'Chefs- och ledarskap samt medarbetarskap'
];
const values = (list: (number | null)[]) =>
	Object.fromEntries(list.map((v, i) => [String(i + 1), v]));
const radar = profileRadar({
	areas: titles.map((title, i) => ({ id: String(i + 1), title, max: 100 })),
	name: 'Karlskoga',
	year: 2022,
	values: values([74, 60, 55.5, null, 80, 41, 66, 70]),
	average: {
		label: 'Nationellt medelvärde (n = 4)',
		areas: values([63, 58, 61, 50, 70, 45, 60, 65])
	},
	earlier: [{ year: 2018, areaScores: values([70, 52, 49, 45, 72, 40, 61, 68]) as never }]
});

function chart() {
	render(RadarChart, { ...radar, title: 'Profil', id: 'profil' });
	const img = page.getByRole('img', { name: 'Profil' });
	return { img, svg: () => img.element() as SVGSVGElement };
}

/** The axis labels as drawn: each `<text>` with its lines and where it lies on the screen. */
function axisLabels(svg: SVGSVGElement) {
	return [...svg.querySelectorAll('text')]
		.filter((t) => t.querySelector('tspan'))
		.map((t) => ({
			lines: [...t.querySelectorAll('tspan')].map((s) => s.textContent ?? ''),
			box: t.getBoundingClientRect()
		}));
}

/** A title's letters in order, whatever the line breaks (a long word is hyphenated when narrow). */
const letters = (text: string) => text.replace(/[\s-]/g, '');

/** The text of each row's header and cells. */
const rows = (table: HTMLTableElement, part: 'thead' | 'tbody') =>
	[...table.querySelectorAll(`${part} tr`)].map((tr) =>
		[...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim())
	);

describe('RadarChart', () => {
	it('is a named figure with one polygon per series, each matching its legend entry', async () => {
		await page.viewport(1024, 900);
		const { svg } = chart();
		await expect.element(page.getByRole('figure', { name: 'Profil' })).toBeVisible();
		await expect.element(page.getByRole('img', { name: 'Profil' })).toBeVisible();

		const legend = page.getByRole('list', { name: 'Förklaring' }).getByRole('listitem');
		expect(legend.elements().map((li) => li.textContent?.trim())).toEqual([
			'Karlskoga 2022 (ofullständig)',
			'Nationellt medelvärde (n = 4)',
			'Karlskoga 2018'
		]);
		// Filled paths are the series (the grid rings are not filled); each in its legend's style.
		const polygons = [...svg().querySelectorAll('path[fill-opacity]')];
		expect(polygons).toHaveLength(3);
		const legendStyles = legend
			.elements()
			.map((li) => li.querySelector('line')?.getAttribute('stroke'));
		expect(polygons.map((p) => p.getAttribute('stroke'))).toEqual(legendStyles);
		expect(new Set(legendStyles).size).toBe(3);
	});

	it('labels every axis with its whole title, wrapped over lines, inside the drawing', async () => {
		await page.viewport(1024, 900);
		const { svg } = chart();
		await expect.element(page.getByRole('img', { name: 'Profil' })).toHaveAttribute('width', '580');
		const labels = axisLabels(svg());
		expect(labels.map((l) => l.lines.join(' '))).toEqual(titles);
		expect(labels[0].lines.length).toBeGreaterThan(1);
		expect(labels[7].lines.length).toBeGreaterThan(1);
		const frame = svg().getBoundingClientRect();
		for (const { box } of labels) {
			expect(box.left).toBeGreaterThanOrEqual(frame.left - 1);
			expect(box.right).toBeLessThanOrEqual(frame.right + 1);
		}
	});

	it('has the table beside it: a row per area, a column per series and the ± to the average', async () => {
		chart();
		const table = page.getByRole('table', { name: 'Tabell: Profil' });
		await expect.element(table).toBeInTheDocument();
		const element = table.element() as HTMLTableElement;
		expect(rows(element, 'thead')).toEqual([
			[
				'Område',
				'Karlskoga 2022',
				'± Nationellt medelvärde (n = 4)',
				'Nationellt medelvärde (n = 4)',
				'Karlskoga 2018'
			]
		]);
		const body = rows(element, 'tbody');
		expect(body.map((r) => r[0])).toEqual(titles.map((t, i) => `${i + 1}. ${t}`));
		expect(body[0]).toEqual([`1. ${titles[0]}`, '74', '+11', '63', '70']);
		expect(body[2]).toEqual(['3. Styrning och kontroll', '55,5', '−5,5', '61', '49']);
		expect(body[3]).toEqual(['4. Effektivitet', 'inga utvärderingar', '', '50', '45']);
		expect(body[5]).toEqual(['6. Kvalitetsutveckling', '41', '−4', '45', '40']);
	});

	it('measures its box again when it narrows: at 390 px no sideways scroll, labels whole and on screen', async () => {
		await page.viewport(1024, 900);
		const { img, svg } = chart();
		await expect.element(img).toHaveAttribute('width', '580');
		const wideLines = axisLabels(svg()).map((l) => l.lines.length);

		await page.viewport(390, 844);
		await expect.poll(() => Number(svg().getAttribute('width'))).toBeLessThanOrEqual(390);
		const root = document.documentElement;
		expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth);
		expect(root.clientWidth).toBe(390);
		expect(svg().getBoundingClientRect().right).toBeLessThanOrEqual(390);
		const labels = axisLabels(svg());
		expect(labels.map((l) => letters(l.lines.join('')))).toEqual(titles.map(letters));
		for (const { box } of labels) {
			expect(box.left).toBeGreaterThanOrEqual(0);
			expect(box.right).toBeLessThanOrEqual(390);
		}
		// Narrower room beside the plot: the long titles take more lines than at full width.
		const narrowLines = labels.map((l) => l.lines.length);
		expect(narrowLines[7]).toBeGreaterThan(wideLines[7]);

		// And back: wide again, the drawing grows back to its full size.
		await page.viewport(1024, 900);
		await expect.element(img).toHaveAttribute('width', '580');
	});
});
