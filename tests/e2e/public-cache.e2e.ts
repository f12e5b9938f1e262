/**
 * Public pages for anonymous visitors are cacheable (issue 16, item 4): a cheap ETag and a
 * public Cache-Control, 304 on If-None-Match, a CSP of script hashes that holds for the cached
 * body; signed-in users get private, no-store. Issue 32: cached text is served compressed in the
 * encoding the client accepts, the PDF report as a file with ranges.
 */
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { origin, signIn, signInRequest } from './helpers';
import { testAccounts } from './accounts';

/**
 * A GET with exactly these headers, the body as the bytes on the wire (Playwright's request
 * context would ask for and undo compression itself).
 */
function rawGet(path: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
		(resolve, reject) => {
			const req = httpRequest(`${origin}${path}`, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c) => chunks.push(c));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers as Record<string, string>,
						body: Buffer.concat(chunks)
					})
				);
			});
			req.on('error', reject);
			req.end();
		}
	);
}

test('an anonymous public page has an ETag, public caching and a 304 on revalidation', async ({
	request
}) => {
	const first = await request.get('/kommuner/1883');
	expect(first.status()).toBe(200);
	const etag = first.headers()['etag'];
	expect(etag).toMatch(/^W\/"[^"]+-sv"$/);
	expect(first.headers()['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
	expect(first.headers()['vary']).toContain('Cookie');

	const second = await request.get('/kommuner/1883');
	expect(second.headers()['etag']).toBe(etag);
	// No nonce to replay: the CSP names the page's inline scripts by their hashes, and the
	// served page's inline script is the one the header allows.
	const csp = second.headers()['content-security-policy'];
	expect(csp).not.toContain('nonce-');
	const html = await second.text();
	expect(html).toContain('Karlskoga');
	const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
	expect(inline.length).toBeGreaterThan(0);
	for (const script of inline) {
		const hash = createHash('sha256').update(script).digest('base64');
		expect(csp).toContain(`'sha256-${hash}'`);
	}

	const revalidated = await request.get('/kommuner/1883', { headers: { 'if-none-match': etag } });
	expect(revalidated.status()).toBe(304);
	expect(revalidated.headers()['etag']).toBe(etag);

	const english = await request.get('/kommuner/1883', { headers: { cookie: 'lang=en' } });
	expect(english.headers()['etag']).not.toBe(etag);
	expect(english.headers()['etag']).toMatch(/-en"$/);

	const api = await request.get('/api/v1/national-average?rubric=kommunkompassen-2020');
	expect(api.status()).toBe(200);
	expect(api.headers()['etag']).toBeTruthy();
	expect(api.headers()['access-control-allow-origin']).toBe('*');
});

test('a signed-in user gets private, no-store and no shared ETag on public pages', async ({
	playwright
}) => {
	const request = await playwright.request.newContext({ baseURL: origin });
	await signInRequest(request, testAccounts.evaluator1);
	const page = await request.get('/kommuner/1883');
	expect(page.status()).toBe(200);
	expect(page.headers()['cache-control']).toBe('private, no-store');
	expect(page.headers()['etag']).toBeUndefined();
	expect(await page.text()).toContain(testAccounts.evaluator1.name);
	await request.dispose();
});

test('a cached page is sent compressed in the encoding the client accepts, the same bytes once made', async () => {
	for (const path of ['/kommuner/1883', '/kommuner/1883/2022/rapport']) {
		const plain = await rawGet(path);
		expect(plain.status).toBe(200);
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.headers['vary']).toMatch(/Accept-Encoding/);
		expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
		// The variants are made once, off the request: wait until the cache has them.
		await expect
			.poll(
				async () => (await rawGet(path, { 'accept-encoding': 'gzip, deflate, br' })).body.length
			)
			.toBeLessThan(plain.body.length / 4);
		const br = await rawGet(path, { 'accept-encoding': 'gzip, deflate, br' });
		expect(br.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
		const again = await rawGet(path, { 'accept-encoding': 'br' });
		expect(again.body.equals(br.body)).toBe(true);
		const gz = await rawGet(path, { 'accept-encoding': 'gzip' });
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
		const refused = await rawGet(path, { 'accept-encoding': 'br;q=0, gzip;q=0' });
		expect(refused.headers['content-encoding']).toBeUndefined();
	}
});

test('the cached PDF report is a file: length, strong ETag, 304, ranges and 416', async () => {
	const path = '/kommuner/1883/2022/rapport.pdf';
	const whole = await rawGet(path, { 'accept-encoding': 'gzip, br' });
	expect(whole.status).toBe(200);
	expect(whole.headers['content-encoding']).toBeUndefined();
	expect(whole.headers['transfer-encoding']).toBeUndefined();
	expect(Number(whole.headers['content-length'])).toBe(whole.body.length);
	expect(whole.headers['accept-ranges']).toBe('bytes');
	expect(whole.headers['last-modified']).toBeTruthy();
	const etag = whole.headers['etag'];
	expect(etag).toMatch(/^"[^"]+"$/);
	expect(whole.body.subarray(0, 5).toString()).toBe('%PDF-');

	const first = await rawGet(path, { range: 'bytes=0-1023' });
	expect(first.status).toBe(206);
	expect(first.headers['content-range']).toBe(`bytes 0-1023/${whole.body.length}`);
	expect(first.body.equals(whole.body.subarray(0, 1024))).toBe(true);
	const tail = await rawGet(path, { range: 'bytes=-100' });
	expect(tail.status).toBe(206);
	expect(tail.body.equals(whole.body.subarray(whole.body.length - 100))).toBe(true);
	const past = await rawGet(path, { range: `bytes=${whole.body.length}-` });
	expect(past.status).toBe(416);
	expect(past.headers['content-range']).toBe(`bytes */${whole.body.length}`);
	const stale = await rawGet(path, { range: 'bytes=0-9', 'if-range': '"another"' });
	expect(stale.status).toBe(200);
	expect(stale.body.length).toBe(whole.body.length);
	const revalidated = await rawGet(path, { 'if-none-match': etag });
	expect(revalidated.status).toBe(304);
	expect(revalidated.body.length).toBe(0);
});

test("a signed-in user's large page is compressed on the fly, a small answer is not", async ({
	page
}) => {
	await signIn(page, testAccounts.coordinator);
	const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
	const large = await rawGet('/kommuner/1883', { cookie, 'accept-encoding': 'br, gzip' });
	expect(large.status).toBe(200);
	expect(large.headers['cache-control']).toBe('private, no-store');
	expect(large.headers['content-encoding']).toBe('br');
	expect(brotliDecompressSync(large.body).toString()).toContain(testAccounts.coordinator.name);
	const small = await rawGet('/api/v1/ping', { 'accept-encoding': 'br, gzip' });
	expect(small.headers['content-encoding']).toBeUndefined();
	expect(JSON.parse(small.body.toString())).toEqual({ ok: true });
});
