import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import {
	etagMatches,
	fileResponse,
	parseRange,
	strongEtagOf
} from '../../src/lib/server/http/file-response';
import {
	compressNow,
	compressOnce,
	isCompressible,
	negotiateEncoding
} from '../../src/lib/server/http/compression';

const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 251));
const get = (headers: Record<string, string> = {}, method = 'GET') =>
	new Request('http://localhost/r.pdf', { method, headers });
const file = { bytes, headers: { 'content-type': 'application/pdf' } };

describe('parseRange', () => {
	it.each([
		['bytes=0-99', { start: 0, end: 99 }],
		['bytes=900-', { start: 900, end: 999 }],
		['bytes=-100', { start: 900, end: 999 }],
		['bytes=-5000', { start: 0, end: 999 }],
		['bytes=990-5000', { start: 990, end: 999 }],
		['bytes=1000-', 'unsatisfiable'],
		['bytes=-0', 'unsatisfiable'],
		['bytes=5-2', null],
		['bytes=0-1,5-9', null],
		['items=0-1', null],
		['bytes=-', null],
		[null, null]
	])('%s', (header, expected) => {
		expect(parseRange(header, 1000)).toEqual(expected);
	});
});

describe('fileResponse', () => {
	it('answers the whole file with its length, a strong ETag and ranges offered', async () => {
		const res = fileResponse(get(), file);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-length')).toBe('1000');
		expect(res.headers.get('accept-ranges')).toBe('bytes');
		expect(res.headers.get('etag')).toBe(strongEtagOf(bytes));
		expect(res.headers.get('etag')).not.toMatch(/^W\//);
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
	});

	it('answers one range with 206 and those bytes', async () => {
		const res = fileResponse(get({ range: 'bytes=10-19' }), file);
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe('bytes 10-19/1000');
		expect(res.headers.get('content-length')).toBe('10');
		expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes.subarray(10, 20));
	});

	it('refuses a range past the end with 416 and the size', () => {
		const res = fileResponse(get({ range: 'bytes=2000-' }), file);
		expect(res.status).toBe(416);
		expect(res.headers.get('content-range')).toBe('bytes */1000');
	});

	it('sends the whole file when If-Range names another version', () => {
		const res = fileResponse(get({ range: 'bytes=0-9', 'if-range': '"old"' }), file);
		expect(res.status).toBe(200);
		const same = fileResponse(get({ range: 'bytes=0-9', 'if-range': strongEtagOf(bytes) }), file);
		expect(same.status).toBe(206);
	});

	it('answers 304 to a matching If-None-Match and HEAD without a body', async () => {
		expect(fileResponse(get({ 'if-none-match': strongEtagOf(bytes) }), file).status).toBe(304);
		expect(fileResponse(get({ 'if-none-match': '"x", *' }), file).status).toBe(304);
		const head = fileResponse(get({}, 'HEAD'), file);
		expect(head.headers.get('content-length')).toBe('1000');
		expect(head.body).toBeNull();
	});

	it('names the same bytes by the same ETag and other bytes otherwise', () => {
		expect(strongEtagOf(bytes.slice())).toBe(strongEtagOf(bytes));
		expect(strongEtagOf(bytes.subarray(1))).not.toBe(strongEtagOf(bytes));
	});
});

describe('etagMatches', () => {
	it('compares weakly, as If-None-Match does', () => {
		expect(etagMatches('W/"a"', '"a"')).toBe(true);
		expect(etagMatches('"a"', 'W/"a"')).toBe(true);
		expect(etagMatches('"b", "a"', 'W/"a"')).toBe(true);
		expect(etagMatches('"b"', '"a"')).toBe(false);
		expect(etagMatches(null, '"a"')).toBe(false);
	});
});

describe('negotiateEncoding', () => {
	it.each([
		['gzip, deflate, br, zstd', 'br'],
		['gzip', 'gzip'],
		['br;q=0, gzip', 'gzip'],
		['br;q=0, gzip;q=0', null],
		['*', 'gzip'],
		['identity', null],
		[null, null]
	])('%s → %s', (header, expected) => {
		expect(negotiateEncoding(header)).toBe(expected);
	});
});

describe('compression', () => {
	const text = Buffer.from('<p>Bra systematik för medborgardialog</p>\n'.repeat(500));

	it('makes both variants once, each decoding to the body', async () => {
		const { br, gzip } = await compressOnce(text);
		expect(brotliDecompressSync(br).equals(text)).toBe(true);
		expect(gunzipSync(gzip).equals(text)).toBe(true);
		expect(br.length).toBeLessThan(text.length / 10);
	});

	it('compresses on the fly in the asked encoding', async () => {
		expect(brotliDecompressSync(await compressNow(text, 'br')).equals(text)).toBe(true);
		expect(gunzipSync(await compressNow(text, 'gzip')).equals(text)).toBe(true);
	});

	it('leaves what is compressed already alone', () => {
		expect(isCompressible('text/html; charset=utf-8')).toBe(true);
		expect(isCompressible('application/json')).toBe(true);
		expect(isCompressible('image/svg+xml')).toBe(true);
		expect(isCompressible('application/pdf')).toBe(false);
		expect(isCompressible('image/png')).toBe(false);
		expect(
			isCompressible('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
		).toBe(false);
		expect(isCompressible(null)).toBe(false);
	});
});
