import type { Handle } from '@sveltejs/kit';

/** One year, the value HSTS preload lists ask for. */
export const hstsMaxAge = 31536000;

/**
 * Headers on every response. HSTS only when the app is served over https (adapter-node takes the
 * protocol from ORIGIN or PROTOCOL_HEADER): sent over plain http it would be ignored, and on a
 * local http origin it must not pin anything.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	if (!response.headers.has('X-Frame-Options')) response.headers.set('X-Frame-Options', 'DENY');
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', `max-age=${hstsMaxAge}; includeSubDomains`);
	}
	return response;
};
