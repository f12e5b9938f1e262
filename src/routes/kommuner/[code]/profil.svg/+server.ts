import { loadProfileChart } from '$lib/server/results/profile';
import { renderRadarSvg } from '$lib/server/results/charts';
import type { RequestHandler } from './$types';

/** The profile radar as an SVG download (published data only: public). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { radar, title, fileName } = await loadProfileChart(
		locals.db,
		params.code,
		url.searchParams.get('snitt'),
		locals.locale
	);
	return new Response(renderRadarSvg({ ...radar, title }, locals.locale), {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`profil-${fileName}.svg`)}`,
			'cache-control': 'public, max-age=300'
		}
	});
};
