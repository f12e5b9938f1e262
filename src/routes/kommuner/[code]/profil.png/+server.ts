import { profileSvg } from '$lib/server/profile-chart';
import { svgToPng } from '$lib/server/fonts';
import type { RequestHandler } from './$types';

/** The profile radar as a PNG, rendered on the server from the same SVG (works without JS). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { svg, name } = await profileSvg(
		locals.db,
		params.code,
		url.searchParams.get('snitt'),
		locals.locale
	);
	return new Response(new Uint8Array(await svgToPng(svg)), {
		headers: {
			'content-type': 'image/png',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`profil-${name}.png`)}`,
			'cache-control': 'public, max-age=300'
		}
	});
};
