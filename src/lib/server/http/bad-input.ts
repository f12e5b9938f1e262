/**
 * Text that cannot be stored as it was sent is refused once, at the boundary, for every text the
 * app takes in: query parameters and path segments, form fields (names and values) of every
 * action, file names of uploads, and strings in JSON bodies.
 * - NUL: PostgreSQL cannot store U+0000 in text ("invalid byte sequence 0x00"), so without this
 *   each route would need its own check or answer 500.
 * - Invalid text: a lone surrogate (\uD800) or bytes that are not UTF-8 (FF FE C3 28). The
 *   decoder and the database driver would silently turn them into U+FFFD and the app would call
 *   the altered text saved; U+FFFD in what was sent is that replacement already done by the
 *   request's decoder.
 * - A form body that cannot be read at all (a multipart body with a broken boundary) is the
 *   client's error, 400, not a 500 from the route that reads it.
 */
import { error, json, type Handle } from '@sveltejs/kit';
import { stringify } from 'devalue';
import { corsHeaders } from './api-responses';
import { apiLocale } from './locale';
import { m } from '$lib/paraglide/messages.js';
import { textProblem, type TextProblem } from '$lib/domain/text';

export type { TextProblem };

/** Where bad text was found: the name of the field or parameter (for the message at the field). */
export type NulPlace = { in: 'url' | 'body'; field: string; problem?: TextProblem };

const place = (where: 'url' | 'body', field: string, problem: TextProblem): NulPlace => ({
	in: where,
	field: field.replace(/\0/g, ''),
	problem
});

/** The first query parameter or path segment holding a NUL, or null. */
export function findNulInUrl(url: URL): NulPlace | null {
	for (const [key, value] of url.searchParams) {
		const problem = textProblem(key) ?? textProblem(value);
		if (problem) return place('url', key, problem);
	}
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return null; // malformed escapes are the router's business (404)
	}
	const problem = textProblem(path);
	return problem ? place('url', 'path', problem) : null;
}

/** The first form field (name, value or upload file name) holding a NUL, or null. */
export function findNulInForm(form: FormData): NulPlace | null {
	for (const [key, value] of form) {
		const text = typeof value === 'string' ? value : value.name;
		const problem = textProblem(key) ?? textProblem(text);
		if (problem) return place('body', key, problem);
	}
	return null;
}

/** The first string (or key) in a parsed JSON value holding a NUL, named by its top-level key. */
export function findNulInJson(value: unknown, field = 'body'): NulPlace | null {
	if (typeof value === 'string') {
		const problem = textProblem(value);
		return problem ? place('body', field, problem) : null;
	}
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
			const problem = textProblem(key);
			if (problem) return place('body', name, problem);
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

/** A form body that could not be parsed: the client's error (400), not the route's. */
export const unreadableBody = { in: 'body', field: '_form', problem: 'unreadable' } as const;

/** Whether a body failed to read because it was over BODY_SIZE_LIMIT (the route answers 413). */
function tooLarge(e: unknown): boolean {
	const status = (x: unknown) => (x as { status?: unknown } | null)?.status;
	return status(e) === 413 || status((e as { cause?: unknown } | null)?.cause) === 413;
}

/**
 * Looks for bad text in the body, which the route then reads from the same single reading; a
 * form body that cannot be parsed at all is `unreadableBody`.
 */
export async function findNulInBody(
	request: Request
): Promise<NulPlace | typeof unreadableBody | null> {
	if (!bodyMethods.has(request.method) || !request.body) return null;
	const type = request.headers.get('content-type')?.toLowerCase() ?? '';
	if (
		type.startsWith('multipart/form-data') ||
		type.startsWith('application/x-www-form-urlencoded')
	) {
		try {
			return findNulInForm(await readOnceForRoute(request, 'formData'));
		} catch (e) {
			// Over the size limit: the route meets the same error and answers 413 as it does today.
			return tooLarge(e) ? null : unreadableBody;
		}
	}
	try {
		if (type.startsWith('application/json')) {
			return findNulInJson(JSON.parse(await readOnceForRoute(request, 'text')));
		}
		if (type.startsWith('text/')) {
			const problem = textProblem(await readOnceForRoute(request, 'text'));
			return problem ? place('body', 'body', problem) : null;
		}
	} catch {
		// An unreadable body (malformed, or over BODY_SIZE_LIMIT) is left to the route, which
		// meets the same error reading it and answers it as it does today.
	}
	return null;
}

const messages = {
	nul: m['errors.nulByte'],
	invalid: m['errors.invalidText'],
	unreadable: m['errors.unreadableBody']
};

/** The handle step: bad text anywhere gives 400 with the message in the user's language. */
export const refuseNulBytes: Handle = async ({ event, resolve }) => {
	const found = findNulInUrl(event.url) ?? (await findNulInBody(event.request));
	if (!found) return resolve(event);
	const say = messages[found.problem ?? 'nul'];
	const message = say({}, { locale: event.locals.locale });
	if (event.url.pathname.startsWith('/api/')) {
		const locale = apiLocale(event.request.headers.get('accept-language'));
		return json({ error: say({}, { locale }) }, { status: 400, headers: corsHeaders });
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
