/**
 * NUL characters are refused once, at the boundary, for every text the app takes in: query
 * parameters and path segments, form fields (names and values) of every action, file names of
 * uploads, and strings in JSON bodies. PostgreSQL cannot store U+0000 in text ("invalid byte
 * sequence 0x00"), so without this each route would need its own check or answer 500.
 */
import { error, json, type Handle } from '@sveltejs/kit';
import { stringify } from 'devalue';
import { corsHeaders } from './api-responses';
import { apiLocale } from './locale';
import { m } from '$lib/paraglide/messages.js';

const nul = '\u0000';

/** Where a NUL was found: the name of the field or parameter (for the message at the field). */
export type NulPlace = { in: 'url' | 'body'; field: string };

/** The first query parameter or path segment holding a NUL, or null. */
export function findNulInUrl(url: URL): NulPlace | null {
	for (const [key, value] of url.searchParams) {
		if (key.includes(nul) || value.includes(nul))
			return { in: 'url', field: key.replace(/\0/g, '') };
	}
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return null; // malformed escapes are the router's business (404)
	}
	return path.includes(nul) ? { in: 'url', field: 'path' } : null;
}

/** The first form field (name, value or upload file name) holding a NUL, or null. */
export function findNulInForm(form: FormData): NulPlace | null {
	for (const [key, value] of form) {
		const text = typeof value === 'string' ? value : value.name;
		if (key.includes(nul) || text.includes(nul)) {
			return { in: 'body', field: key.replace(/\0/g, '') };
		}
	}
	return null;
}

/** The first string (or key) in a parsed JSON value holding a NUL, named by its top-level key. */
export function findNulInJson(value: unknown, field = 'body'): NulPlace | null {
	if (typeof value === 'string') return value.includes(nul) ? { in: 'body', field } : null;
	if (Array.isArray(value)) {
		for (const item of value) {
			const found = findNulInJson(item, field);
			if (found) return found;
		}
		return null;
	}
	if (value && typeof value === 'object') {
		for (const [key, item] of Object.entries(value)) {
			const name = field === 'body' ? key : field;
			if (key.includes(nul)) return { in: 'body', field: name.replace(/\0/g, '') };
			const found = findNulInJson(item, name);
			if (found) return found;
		}
	}
	return null;
}

const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads the body once, as `reader` does, and has the request hand that same reading to the route
 * (`formData()` gives the same parsed form; `json()` parses the same text). Checking a clone
 * instead would tee the stream and parse every form twice, a fifth of a save's work under load.
 * A body that cannot be read rejects here and again, the same way, when the route reads it.
 */
function readOnceForRoute<K extends 'formData' | 'text'>(
	request: Request,
	reader: K
): ReturnType<Request[K]> {
	const reading = request[reader]() as ReturnType<Request[K]>;
	reading.catch(() => {}); // the route meets the rejection when it reads the body
	const own = (value: unknown) => ({ value, configurable: true, writable: true });
	Object.defineProperty(
		request,
		reader,
		own(() => reading)
	);
	if (reader === 'text') {
		Object.defineProperty(
			request,
			'json',
			own(() => (reading as Promise<string>).then(JSON.parse))
		);
	}
	return reading;
}

/** Looks for a NUL in the body, which the route then reads from the same single reading. */
export async function findNulInBody(request: Request): Promise<NulPlace | null> {
	if (!bodyMethods.has(request.method) || !request.body) return null;
	const type = request.headers.get('content-type')?.toLowerCase() ?? '';
	try {
		if (
			type.startsWith('multipart/form-data') ||
			type.startsWith('application/x-www-form-urlencoded')
		) {
			return findNulInForm(await readOnceForRoute(request, 'formData'));
		}
		if (type.startsWith('application/json')) {
			return findNulInJson(JSON.parse(await readOnceForRoute(request, 'text')));
		}
		if (type.startsWith('text/')) {
			return (await readOnceForRoute(request, 'text')).includes(nul)
				? { in: 'body', field: 'body' }
				: null;
		}
	} catch {
		// An unreadable body (malformed, or over BODY_SIZE_LIMIT) is left to the route, which
		// meets the same error reading it and answers it as it does today.
	}
	return null;
}

/** The handle step: a NUL anywhere gives 400 with the message in the user's language. */
export const refuseNulBytes: Handle = async ({ event, resolve }) => {
	const found = findNulInUrl(event.url) ?? (await findNulInBody(event.request));
	if (!found) return resolve(event);
	const message = m['errors.nulByte']({}, { locale: event.locals.locale });
	if (event.url.pathname.startsWith('/api/')) {
		const locale = apiLocale(event.request.headers.get('accept-language'));
		return json(
			{ error: m['errors.nulByte']({}, { locale }) },
			{ status: 400, headers: corsHeaders }
		);
	}
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		// What `fail(400, …)` gives a form with use:enhance: the page shows it as it shows any
		// refusal of the action, at the field and for the form as a whole.
		return json(
			{
				type: 'failure',
				status: 400,
				data: stringify({ errors: { [found.field]: message, _form: message } })
			},
			{ status: 400 }
		);
	}
	error(400, message);
};
