/**
 * Public pages and open-data answers at the speed of a static file (issue 16, item 4), in as few
 * bytes as the reader's browser accepts (issue 32).
 *
 * What anonymous visitors see changes only when published results, reference averages, public
 * action plans or rubric texts change; a trigger counts those changes in `public_data_version`
 * (migrations/20261205000100_public_data_version.ts). That number, the build and the language
 * make the ETag — nothing is hashed — so:
 *   - a browser or reverse proxy revalidating gets a 304 without the page being rendered;
 *   - a rendered answer is kept in this process under that ETag and served again until the
 *     number changes, with its brotli and gzip variants made once, when the entry is made
 *     (off the event loop, in libuv's threads), never per request;
 *   - answers say `public, max-age=60, stale-while-revalidate=300` and `Vary: Cookie,
 *     Accept-Encoding`;
 *   - files (the PDF report) are answered as files: strong ETag, length and byte ranges.
 * The pages carry no CSP nonce: svelte.config.js uses hashes of the inline scripts, which are the
 * same on every answer, so a stored body can be replayed (and stored compressed) as it is.
 * Signed-in users are never served from or stored into the cache: their answers on these
 * routes say `private, no-store`.
 *
 * The number is read from the database at most once a second per process (a change made on
 * another app server, or by the CLI, shows within that second); a write request through this
 * process forgets it at once, so its own publish is seen by its next page.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { version as buildVersion } from '$app/environment';
import type { Database } from '../db';
import { sessionCookieName } from '../auth/session';
import { readPublicDataVersion } from '../published/public-data-version';
import { compressOnce, isCompressible, negotiateEncoding, type Encoded } from './compression';
import { etagMatches, fileResponse, strongEtagOf } from './file-response';

/** Route ids whose anonymous answers are the same for every visitor. */
export const publicRoutes = new Set([
	'/',
	'/kommuner',
	'/kommuner/[code]',
	'/kommuner/[code]/[year]/rapport',
	'/kommuner/[code]/[year]/rapport.pdf',
	'/kommuner/[code]/[year]/rapport.docx',
	'/kommuner/[code]/profil.svg',
	'/kommuner/[code]/profil.png',
	'/jamfor',
	'/goda-exempel',
	'/api/v1/strengths',
	'/api/v1/municipalities',
	'/api/v1/municipalities/[code]/results',
	'/api/v1/national-average',
	'/api/v1/results',
	'/api/v1/rubrics',
	'/api/v1/rubrics/[id]'
]);

export const publicCacheControl = 'public, max-age=60, stale-while-revalidate=300';
export const privateCacheControl = 'private, no-store';

const versionTtlMs = 1000;
const maxEntries = 500;
const maxBytes = 64 * 1024 * 1024;

interface Entry {
	headers: [string, string][];
	/** The body as rendered, and for text its brotli and gzip variants (null until made). */
	body: Buffer;
	encoded: Encoded | null;
	/** Files (PDF) are answered with ranges under a strong ETag of their bytes. */
	file: { etag: string; lastModified: Date } | null;
}

let known: { version: number; at: number; db: Database } | null = null;
let pending: Promise<number> | null = null;
const entries = new Map<string, Entry>();
/** Renders in progress, so that many requests for one page at once render it once. */
const rendering = new Map<string, Promise<Entry | null>>();
let entriesVersion = -1;
let bytes = 0;

/** The current public data version (cached for a second; one query at a time). */
export async function publicDataVersion(db: Database): Promise<number> {
	if (known && known.db === db && Date.now() - known.at < versionTtlMs) return known.version;
	pending ??= readPublicDataVersion(db)
		.then((version) => {
			known = { version, at: Date.now(), db };
			return version;
		})
		.finally(() => (pending = null));
	return pending;
}

/** Forgets the version read last, so the next public request reads it again. */
export function forgetPublicDataVersion(): void {
	known = null;
}

function etagOf(dataVersion: number, locale: string): string {
	return `W/"${buildVersion}-${dataVersion}-${locale}"`;
}

function cacheable(event: RequestEvent): boolean {
	return (
		(event.request.method === 'GET' || event.request.method === 'HEAD') &&
		!event.isDataRequest &&
		publicRoutes.has(event.route.id ?? '') &&
		!event.locals.user &&
		!event.cookies.get(sessionCookieName)
	);
}

function store(key: string, entry: Entry, dataVersion: number) {
	if (entriesVersion !== dataVersion) {
		entries.clear();
		bytes = 0;
		entriesVersion = dataVersion;
	}
	if (entry.body.byteLength > maxBytes / 16) return;
	entries.set(key, entry);
	bytes += entry.body.byteLength;
	evict();
}

function evict() {
	for (const [oldest, old] of entries) {
		if (entries.size <= maxEntries && bytes <= maxBytes) break;
		entries.delete(oldest);
		bytes -= sizeOf(old);
	}
}

const sizeOf = (entry: Entry) =>
	entry.body.byteLength +
	(entry.encoded ? entry.encoded.br.byteLength + entry.encoded.gzip.byteLength : 0);

/** Makes a text entry's compressed variants once; hits meanwhile get the body as rendered. */
function encodeLater(entry: Entry) {
	compressOnce(entry.body).then(
		(encoded) => {
			const stored = [...entries.values()].includes(entry);
			entry.encoded = encoded;
			if (stored) {
				bytes += encoded.br.byteLength + encoded.gzip.byteLength;
				evict();
			}
		},
		() => {} // left uncompressed: still a correct answer
	);
}

/** A stored answer for this request: a file with ranges, or text in the encoding it accepts. */
function replay(entry: Entry, request: Request): Response {
	const headers = new Headers(entry.headers);
	if (entry.file) return fileResponse(request, { bytes: entry.body, headers, ...entry.file });
	if (etagMatches(request.headers.get('if-none-match'), headers.get('etag') ?? '')) {
		return new Response(null, { status: 304, headers });
	}
	const encoding = entry.encoded ? negotiateEncoding(request.headers.get('accept-encoding')) : null;
	const body = encoding ? entry.encoded![encoding] : entry.body;
	if (encoding) headers.set('content-encoding', encoding);
	headers.set('content-length', String(body.byteLength));
	return new Response(request.method === 'HEAD' ? null : (body as BodyInit), {
		status: 200,
		headers
	});
}

function withCacheHeaders(response: Response, cacheControl: string, etag?: string): Response {
	const headers = new Headers(response.headers);
	headers.set('cache-control', cacheControl);
	headers.append('vary', 'Cookie');
	// SvelteKit's own ETag (a hash of the page) is replaced by the cheap one, or dropped for a
	// signed-in user's private answer.
	if (etag) headers.set('etag', etag);
	else headers.delete('etag');
	return new Response(response.body, {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}

export const publicCache: Handle = async ({ event, resolve }) => {
	const method = event.request.method;
	if (method !== 'GET' && method !== 'HEAD') {
		// A write through this process (a publish, an import, an erratum) is seen at once.
		const response = await resolve(event);
		forgetPublicDataVersion();
		return response;
	}
	if (!publicRoutes.has(event.route.id ?? '') || event.isDataRequest) return resolve(event);
	if (!cacheable(event)) {
		const response = await resolve(event);
		return event.locals.user ? withCacheHeaders(response, privateCacheControl) : response;
	}
	// Read before rendering: a page stored under this number never shows older data than it.
	const dataVersion = await publicDataVersion(event.locals.db);
	const etag = etagOf(dataVersion, event.locals.locale);
	const key = `${event.locals.locale} ${event.url.pathname}${event.url.search}`;
	const hit = entriesVersion === dataVersion ? entries.get(key) : undefined;
	if (hit) {
		entries.delete(key); // most recently used last
		entries.set(key, hit);
		return replay(hit, event.request);
	}
	// Revalidation without the page in this process's memory: the number says it is unchanged.
	if (etagMatches(event.request.headers.get('if-none-match'), etag)) {
		return new Response(null, {
			status: 304,
			headers: { etag, 'cache-control': publicCacheControl, vary: 'Cookie, Accept-Encoding' }
		});
	}
	if (method === 'HEAD') return withCacheHeaders(await resolve(event), publicCacheControl, etag);
	// The first request for a page renders it; those arriving meanwhile wait for that render
	// (after a publish every cached page is new at once, and each is rendered once, not per request).
	const flightKey = `${dataVersion} ${key}`;
	const inFlight = rendering.get(flightKey);
	if (inFlight) {
		const entry = await inFlight;
		if (entry) return replay(entry, event.request);
		return resolve(event);
	}
	let settle: (entry: Entry | null) => void = () => {};
	rendering.set(flightKey, new Promise<Entry | null>((r) => (settle = r)));
	try {
		const response = await resolve(event);
		if (response.status !== 200 || response.headers.has('set-cookie')) {
			settle(null);
			return response;
		}
		const body = Buffer.from(await response.arrayBuffer());
		const headers = new Headers(response.headers);
		headers.set('cache-control', publicCacheControl);
		headers.delete('content-length');
		const text = isCompressible(headers.get('content-type'));
		headers.set('vary', text ? 'Cookie, Accept-Encoding' : 'Cookie');
		if (text) headers.set('etag', etag);
		else headers.delete('etag');
		const lastModified = headers.get('last-modified');
		const entry: Entry = {
			headers: [...headers],
			body,
			encoded: null,
			file: text
				? null
				: {
						etag: strongEtagOf(body),
						lastModified: lastModified ? new Date(lastModified) : new Date()
					}
		};
		store(key, entry, dataVersion);
		if (text) encodeLater(entry);
		settle(entry);
		return replay(entry, event.request);
	} catch (e) {
		settle(null);
		throw e;
	} finally {
		rendering.delete(flightKey);
	}
};
