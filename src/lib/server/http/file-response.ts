/**
 * Answers for whole files kept in memory (PDF and Word reports): what browsers' PDF viewers and
 * proxies need to stream them — `Content-Length`, a strong `ETag` (304 on `If-None-Match`),
 * `Last-Modified`, `Accept-Ranges: bytes` and `206 Partial Content` for one range (416 when it
 * lies outside the file). A range is a view of the same bytes, never a copy.
 */
import { createHash } from 'node:crypto';

/** A strong ETag of the bytes themselves, so every app server names the same file alike. */
export function strongEtagOf(bytes: Uint8Array): string {
	return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** Whether an `If-None-Match` list names this ETag (weakly, as RFC 9110 §13.1.2 compares). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const opaque = (tag: string) => tag.replace(/^W\//, '');
	return ifNoneMatch
		.split(',')
		.map((t) => t.trim())
		.some((t) => t === '*' || opaque(t) === opaque(etag));
}

type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * The one range of a `Range: bytes=…` header, or null for none (or a form this server answers
 * with the whole file: several ranges, another unit, a malformed header — all allowed by RFC 9110).
 */
export function parseRange(header: string | null, size: number): ByteRange {
	const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
	if (!match || (match[1] === '' && match[2] === '')) return null;
	if (match[1] === '') {
		// A suffix: the last N bytes.
		const length = Number(match[2]);
		if (length === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - length), end: size - 1 };
	}
	const start = Number(match[1]);
	const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	if (start >= size) return 'unsatisfiable';
	if (end < start) return null;
	return { start, end };
}

export interface FileAnswer {
	bytes: Uint8Array;
	/** Content-Type, Content-Disposition, Cache-Control, Vary and the like. */
	headers: HeadersInit;
	/** Defaults to a hash of the bytes. */
	etag?: string;
	lastModified?: Date;
}

/** The answer to a GET or HEAD for a whole file: 200, 206, 304 or 416 as the request asks. */
export function fileResponse(request: Request, file: FileAnswer): Response {
	const size = file.bytes.byteLength;
	const etag = file.etag ?? strongEtagOf(file.bytes);
	const headers = new Headers(file.headers);
	headers.set('etag', etag);
	headers.set('accept-ranges', 'bytes');
	if (file.lastModified) headers.set('last-modified', file.lastModified.toUTCString());
	headers.delete('content-encoding');

	if (etagMatches(request.headers.get('if-none-match'), etag)) {
		headers.delete('content-length');
		return new Response(null, { status: 304, headers });
	}
	const head = request.method === 'HEAD';
	// If-Range: a range only of the file the client already has part of; otherwise all of it.
	const ifRange = request.headers.get('if-range');
	const range = ifRange && ifRange !== etag ? null : parseRange(request.headers.get('range'), size);
	if (range === 'unsatisfiable') {
		headers.set('content-range', `bytes */${size}`);
		headers.set('content-length', '0');
		return new Response(null, { status: 416, headers });
	}
	if (range) {
		const part = file.bytes.subarray(range.start, range.end + 1);
		headers.set('content-range', `bytes ${range.start}-${range.end}/${size}`);
		headers.set('content-length', String(part.byteLength));
		return new Response(head ? null : (part as BodyInit), { status: 206, headers });
	}
	headers.set('content-length', String(size));
	return new Response(head ? null : (file.bytes as BodyInit), { status: 200, headers });
}
