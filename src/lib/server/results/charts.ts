/**
 * Charts as standalone SVG documents (the profile download, its PNG, the PDF and Word reports), rendered
 * from the same Svelte component as the web pages with `render()` from svelte/server, so there is
 * one drawing of each chart. No I/O: the PDF's worker thread calls this too.
 */
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import BarChart from '$lib/components/charts/BarChart.svelte';
import RadarChart from '$lib/components/charts/RadarChart.svelte';
import type { BarInput } from '$lib/domain/charts/bars';
import type { ProfileRadar } from '$lib/domain/charts/profile';
import { withLocale } from '$lib/server/platform/with-locale';
import type { Locale } from '$lib/i18n';

/**
 * A chart component's standalone SVG document in `locale`. The server renderer's hydration
 * markers (HTML comments) are taken out: the file is read by image viewers and the PDF's SVG
 * parser, never hydrated.
 */
function standaloneSvg<Props extends Record<string, unknown>>(
	chart: Component<Props>,
	props: Props,
	locale: Locale
): string {
	// Svelte renders when `body` is read, so it is read inside the locale's scope.
	const body = withLocale(locale, () => render(chart, { props }).body);
	return body.replace(/<!--[\s\S]*?-->/g, '').trim();
}

/** The radar as an SVG document (the profile download, its PNG, the PDF and Word reports). */
export function renderRadarSvg(
	radar: ProfileRadar & { title: string; size?: number; margin?: number },
	locale: Locale = 'sv'
): string {
	return standaloneSvg(RadarChart, { size: 640, margin: 150, ...radar, standalone: true }, locale);
}

/** The bar chart as an SVG document (the PDF and Word reports), its legend in `locale`. */
export function renderBarsSvg(
	bars: { items: BarInput[]; title: string; referenceLabel?: string; width?: number },
	locale: Locale = 'sv'
): string {
	return standaloneSvg(BarChart, { ...bars, standalone: true }, locale);
}
