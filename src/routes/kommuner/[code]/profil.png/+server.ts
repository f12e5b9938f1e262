import { loadProfileChart } from '$lib/server/results/profile';
import { renderRadarSvg } from '$lib/server/results/charts';
import { svgToPng } from '$lib/server/platform/fonts';
import type { RequestHandler } from './$types';

/** The profile radar as a PNG, rendered on the server from the same SVG (works without JS). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { radar, title, fileName } = await loadProfileChart(
		locals.db,
		params.code,
		url.searchParams.get('snitt'),
		locals.locale
	);
	const svg = renderRadarSvg({ ...radar, title }, locals.locale);
	return new Response(new Uint8Array(await svgToPng(svg)), {
		headers: {
			'content-type': 'image/png',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`profil-${fileName}.png`)}`,
			'cache-control': 'public, max-age=300'
		}
	});
};
