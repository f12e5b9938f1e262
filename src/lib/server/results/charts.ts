/**
 * Charts as standalone SVG documents (the profile download, its PNG, the PDF report), rendered
 * from the same Svelte component as the web pages with `render()` from svelte/server, so there is
 * one drawing of each chart. No I/O: the PDF's worker thread calls this too.
 */
import { render } from 'svelte/server';
import RadarChart from '$lib/components/charts/RadarChart.svelte';
import type { ProfileRadar } from '$lib/domain/charts/profile';
import { withLocale } from '$lib/server/platform/with-locale';
import type { Locale } from '$lib/i18n';

/**
 * The radar as an SVG document. The server renderer's hydration markers (HTML comments) are taken
 * out: the file is read by image viewers and the PDF's SVG parser, never hydrated.
 */
export function renderRadarSvg(
	radar: ProfileRadar & { title: string; size?: number; margin?: number },
	locale: Locale = 'sv'
): string {
	// Svelte renders when `body` is read, so it is read inside the locale's scope.
	const body = withLocale(
		locale,
		() => render(RadarChart, { props: { size: 640, margin: 150, ...radar, standalone: true } }).body
	);
	return body.replace(/<!--[\s\S]*?-->/g, '').trim();
}
