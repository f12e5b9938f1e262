import { profileSvg } from '$lib/server/profile-chart';
import type { RequestHandler } from './$types';

/** The profile radar as an SVG download (published data only: public). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { svg, name } = await profileSvg(
		locals.db,
		params.code,
		url.searchParams.get('snitt'),
		locals.locale
	);
	return new Response(svg, {
		headers: {
			'content-type': 'image/svg+xml; charset=utf-8',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`profil-${name}.svg`)}`,
			'cache-control': 'public, max-age=300'
		}
	});
};
