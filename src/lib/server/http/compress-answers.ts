import type { Handle } from '@sveltejs/kit';
import { compressAboveBytes, compressNow, isCompressible, negotiateEncoding } from './compression';

/**
 * Compresses text answers that the public cache did not (signed-in pages, actions' pages, the
 * uncached API) on the fly, when the client accepts it and the body is large enough to gain.
 */
export const compressAnswers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const encoding = negotiateEncoding(event.request.headers.get('accept-encoding'));
	if (
		!encoding ||
		!response.body ||
		event.request.method === 'HEAD' ||
		response.headers.has('content-encoding') ||
		response.headers.has('content-range') ||
		!isCompressible(response.headers.get('content-type'))
	) {
		return response;
	}
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	headers.append('vary', 'Accept-Encoding');
	if (body.byteLength < compressAboveBytes) {
		headers.set('content-length', String(body.byteLength));
		return new Response(body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
	const compressed = await compressNow(body, encoding);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(compressed.byteLength));
	// A strong validator names one representation: the compressed one is another.
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	return new Response(compressed as BodyInit, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};
