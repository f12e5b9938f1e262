/**
 * LineChart (a municipality's totals over the years) in a real browser: on a 390 px phone its text
 * is as large as on a desktop, because it is drawn at the width it is shown at, not shrunk with a
 * fixed drawing; year labels do not crowd, and nothing scrolls sideways.
 */
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-svelte';
import { page } from 'vitest/browser';
import LineChart from '$lib/components/charts/LineChart.svelte';

const points = [
	{ year: 2014, value: 402, series: 'Kommunkompassen 2010' },
	{ year: 2018, value: 455, series: 'Kommunkompassen 2016' },
	{ year: 2022, value: 521, series: 'Kommunkompassen 2020' },
	{ year: 2025, value: 560, series: 'Kommunkompassen 2020' }
];

function chart() {
	render(LineChart, { points, title: 'Totalpoäng över tid', id: 'over-tid' });
	return () => page.getByRole('img', { name: 'Totalpoäng över tid' }).element() as SVGSVGElement;
}

/** Each text's height on screen, in px: what a reader sees, whatever the drawing's own units. */
const textHeights = (svg: SVGSVGElement) =>
	[...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height);

/** The year labels under the axis, left to right, with their boxes on screen. */
const yearLabels = (svg: SVGSVGElement) =>
	[...svg.querySelectorAll('text')]
		.filter(
			(t) => /^\d{4}$/.test(t.textContent ?? '') && t.getAttribute('text-anchor') === 'middle'
		)
		.map((t) => t.getBoundingClientRect())
		.sort((a, b) => a.left - b.left);

describe('LineChart', () => {
	it('keeps its text at reading size on a 390 px phone, as on a desktop', async () => {
		await page.viewport(1366, 900);
		const svg = chart();
		await expect.poll(() => svg().getBoundingClientRect().width).toBeGreaterThan(500);
		const desktop = Math.min(...textHeights(svg()));
		await page.viewport(390, 844);
		await expect.poll(() => svg().getBoundingClientRect().width).toBeLessThanOrEqual(390);
		// Drawn again at the shown width: one unit of the drawing is one pixel on screen.
		await expect
			.poll(() => Number(svg().getAttribute('viewBox')?.split(' ')[2]))
			.toBeCloseTo(svg().getBoundingClientRect().width, 0);
		const phone = Math.min(...textHeights(svg()));
		expect(phone).toBeGreaterThanOrEqual(12);
		expect(phone).toBeCloseTo(desktop, 0);
		expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(390);
	});

	it('spaces the year labels so that none overlaps the next at 390 px', async () => {
		await page.viewport(390, 844);
		const svg = chart();
		await expect.poll(() => yearLabels(svg()).length).toBeGreaterThanOrEqual(2);
		const labels = yearLabels(svg());
		for (let i = 1; i < labels.length; i++) {
			expect(labels[i].left).toBeGreaterThan(labels[i - 1].right);
		}
	});
});
