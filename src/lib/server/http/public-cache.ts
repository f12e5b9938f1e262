/**
 * Public pages and open-data answers at the speed of a static file (issue 16, item 4).
 *
 * What anonymous visitors see changes only when published results, reference averages, public
 * action plans or rubric texts change; a trigger counts those changes in `public_data_version`
 * (migrations/20261205000100_public_data_version.ts). That number, the build and the language
 * make the ETag — nothing is hashed — so:
 *   - a browser or reverse proxy revalidating gets a 304 without the page being rendered;
 *   - a rendered answer is kept in this process under that ETag and served again until the
 *     number changes (each hit gets a fresh CSP nonce, never a replayed one);
 *   - answers say `public, max-age=60, stale-while-revalidate=300` and `Vary: Cookie`.
 * Signed-in users are never served from or stored into the cache: their answers on these
 * routes say `private, no-store`.
 *
 * The number is read from the database at most once a second per process (a change made on
 * another app server, or by the CLI, shows within that second); a write request through this
 * process forgets it at once, so its own publish is seen by its next page.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { version as buildVersion } from '$app/environment';
import type { Database } from '../db';
import { sessionCookieName } from '../auth/session';
import { readPublicDataVersion } from '../published/public-data-version';

/** Route ids whose anonymous answers are the same for every visitor. */
export const publicRoutes = new Set([
	'/',
	'/kommuner',
	'/kommuner/[code]',
	'/kommuner/[code]/[year]/rapport',
	'/kommuner/[code]/[year]/rapport.pdf',
	'/kommuner/[code]/profil.svg',
	'/kommuner/[code]/profil.png',
	'/jamfor',
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
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	/** The CSP nonce inside an HTML body, replaced by a fresh one on every hit. */
	nonce: string | null;
	/** The body cut at each occurrence of the nonce, so a hit joins bytes instead of re-encoding. */
	parts: Buffer[];
}

function splitAt(body: Uint8Array, nonce: string | null): Buffer[] {
	const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
	if (!nonce) return [bytes];
	const needle = Buffer.from(nonce);
	const parts: Buffer[] = [];
	let from = 0;
	for (let at = bytes.indexOf(needle, from); at >= 0; at = bytes.indexOf(needle, from)) {
		parts.push(bytes.subarray(from, at));
		from = at + needle.length;
	}
	parts.push(bytes.subarray(from));
	return parts;
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

function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch
		.split(',')
		.map((t) => t.trim())
		.some((t) => t === '*' || t === etag || `W/${t}` === etag);
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
	for (const [oldest, old] of entries) {
		if (entries.size <= maxEntries && bytes <= maxBytes) break;
		entries.delete(oldest);
		bytes -= old.body.byteLength;
	}
}

function replay(entry: Entry, headOnly: boolean): Response {
	const headers = new Headers(entry.headers);
	let body: Uint8Array = entry.body;
	if (entry.nonce) {
		const fresh = randomBytes(16).toString('base64');
		const freshBytes = Buffer.from(fresh);
		body = Buffer.concat(entry.parts.flatMap((part, i) => (i ? [freshBytes, part] : [part])));
		const csp = headers.get('content-security-policy');
		if (csp) headers.set('content-security-policy', csp.replaceAll(entry.nonce, fresh));
	}
	return new Response(headOnly ? null : (body as BodyInit), { status: entry.status, headers });
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
	const cacheHeaders = { etag, 'cache-control': publicCacheControl, vary: 'Cookie' };
	if (matches(event.request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers: cacheHeaders });
	}
	const key = `${event.locals.locale} ${event.url.pathname}${event.url.search}`;
	const hit = entriesVersion === dataVersion ? entries.get(key) : undefined;
	if (hit) {
		entries.delete(key); // most recently used last
		entries.set(key, hit);
		return replay(hit, method === 'HEAD');
	}
	if (method === 'HEAD') return withCacheHeaders(await resolve(event), publicCacheControl, etag);
	// The first request for a page renders it; those arriving meanwhile wait for that render
	// (after a publish every cached page is new at once, and each is rendered once, not per request).
	const flightKey = `${dataVersion} ${key}`;
	const inFlight = rendering.get(flightKey);
	if (inFlight) {
		const entry = await inFlight;
		if (entry) return replay(entry, false);
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
		const body = new Uint8Array(await response.arrayBuffer());
		const headers = new Headers(response.headers);
		for (const [name, value] of Object.entries(cacheHeaders)) headers.set(name, value);
		const nonce = /'nonce-([^']+)'/.exec(headers.get('content-security-policy') ?? '')?.[1] ?? null;
		const entry: Entry = {
			status: 200,
			headers: [...headers],
			body,
			nonce,
			parts: splitAt(body, nonce)
		};
		store(key, entry, dataVersion);
		settle(entry);
		return new Response(body as BodyInit, { status: 200, headers });
	} catch (e) {
		settle(null);
		throw e;
	} finally {
		rendering.delete(flightKey);
	}
};
