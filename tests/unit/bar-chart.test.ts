/**
 * One drawing of the bar chart (issue 26): the PDF's and the Word report's SVG is BarChart.svelte
 * rendered on the server, with the same bars and labels as on the page, and its legend names only
 * the series it draws (issue 28: no "Kommunsnitt" without a line).
 */
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import BarChart from '../../src/lib/components/charts/BarChart.svelte';
import { barGeometry, type BarInput } from '../../src/lib/domain/charts/bars';
import { renderBarsSvg } from '../../src/lib/server/results/charts';
import { withLocale } from '../../src/lib/server/platform/with-locale';

const items: BarInput[] = [
	{ id: '1', label: '1. Samspel & dialog', value: 74, max: 100, reference: 63 },
	{ id: '2', label: '2. Samhällsutveckling', value: 68, max: 100, reference: 58 },
	{ id: '3', label: '3. Styrning och kontroll', value: null, max: 100, reference: null }
];
const withheld = items.map((i) => ({ ...i, reference: null, referenceN: 2 }));

const page = (props: { items: BarInput[]; referenceLabel?: string }, locale: 'sv' | 'en' = 'sv') =>
	withLocale(locale, () => render(BarChart, { props: { title: 'Poäng', ...props } }).body);

/** The drawn shapes and texts of the plot, in order, without the legend or the page's table. */
const plot = (svg: string) => {
	const drawing = svg.slice(svg.indexOf('<svg'), svg.indexOf('</svg>'));
	const shapes = drawing.match(/<(rect|line) x1?="[\d.]+"[^>]*>/g) ?? [];
	const texts = [...drawing.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
	return { shapes: shapes.filter((s) => !/fill="#ffffff"/.test(s)), texts };
};

describe('the bar chart', () => {
	it('draws the same bars, reference lines and labels for the PDF as on the page', () => {
		const onPage = plot(page({ items, referenceLabel: 'Kommunsnitt' }));
		const standalone = renderBarsSvg({ items, title: 'Poäng', referenceLabel: 'Kommunsnitt' });
		const inFile = plot(standalone);
		// The standalone document adds its legend after the plot: one swatch and one line.
		const legendShapes = 2;
		expect(inFile.shapes.slice(0, -legendShapes)).toEqual(onPage.shapes);
		expect(inFile.texts.slice(0, onPage.texts.length)).toEqual(onPage.texts);
		expect(onPage.texts).toContain('1. Samspel &amp; dialog');
		expect(onPage.texts).toContain('74/100');
		// Two value bars over three grey maxima, two dashed reference lines.
		expect(onPage.shapes.filter((s) => s.includes('fill="#0072B2"'))).toHaveLength(3);
		expect(onPage.shapes.filter((s) => s.includes('stroke-dasharray'))).toHaveLength(2);
		expect(standalone.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
		expect(standalone).not.toContain('<!--');
		expect(standalone).toContain('<title>Poäng</title>');
	});

	it('names in its legend only the series it draws, in the reader’s language', () => {
		const both = renderBarsSvg({ items, title: 'Points', referenceLabel: 'Average' }, 'en');
		expect(plot(both).texts.slice(-2)).toEqual(['Achieved', 'Average']);
		const none = renderBarsSvg(
			{ items: withheld, title: 'Points', referenceLabel: 'Municipality average' },
			'en'
		);
		expect(none).not.toContain('Municipality average');
		expect(none).not.toContain('stroke-dasharray');
		expect(plot(none).texts.at(-1)).toBe('Achieved');
		expect(barGeometry(withheld).legend).toEqual(['value']);
		expect(barGeometry(items).legend).toEqual(['value', 'reference']);
	});

	it('on the page keeps the withheld average in its table but not in the caption’s key', () => {
		const html = page({ items: withheld, referenceLabel: 'Kommunsnitt' });
		const caption = html.slice(html.indexOf('<figcaption'), html.indexOf('</figcaption>'));
		expect(caption).not.toContain('streckade');
		expect(html).toContain('för få utvärderingar (n = 2)');
		const drawn = page({ items, referenceLabel: 'Kommunsnitt' });
		expect(drawn.slice(drawn.indexOf('<figcaption'))).toContain(
			'streckade linjen visar Kommunsnitt'
		);
	});
});
