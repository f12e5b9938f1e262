import { json } from '@sveltejs/kit';

/**
 * The open-data API's headers, defined once: readable from any origin, and (for a successful
 * answer) cacheable for a short while. Used by the JSON answers below, the CSV/XLSX downloads
 * and the NUL-byte refusal in front of `/api/`.
 */
export const corsHeaders = { 'access-control-allow-origin': '*' } as const;

export function openDataHeaders(maxAge = 300) {
	return { ...corsHeaders, 'cache-control': `public, max-age=${maxAge}` };
}

/** Open-data responses: JSON, readable from any origin, cacheable for a short while. */
export function openDataJson(body: unknown, init: { maxAge?: number; status?: number } = {}) {
	return json(body, { status: init.status ?? 200, headers: openDataHeaders(init.maxAge) });
}

/** A 400 for the open-data API, with the reason in the body. */
export function badRequest(message: string) {
	return json({ error: message }, { status: 400, headers: corsHeaders });
}
