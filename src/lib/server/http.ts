import { json } from '@sveltejs/kit';

/** Open-data responses: JSON, readable from any origin, cacheable for a short while. */
export function openDataJson(body: unknown, init: { maxAge?: number; status?: number } = {}) {
	return json(body, {
		status: init.status ?? 200,
		headers: {
			'access-control-allow-origin': '*',
			'cache-control': `public, max-age=${init.maxAge ?? 300}`
		}
	});
}

/** A 400 for the open-data API, with the reason in the body. */
export function badRequest(message: string) {
	return json({ error: message }, { status: 400, headers: { 'access-control-allow-origin': '*' } });
}
