/**
 * Public pages for anonymous visitors are cacheable (issue 16, item 4): a cheap ETag and a
 * public Cache-Control, 304 on If-None-Match, a fresh CSP nonce on every answer even when it comes
 * from the server's page cache; signed-in users get private, no-store.
 */
import { expect, test } from '@playwright/test';
import { origin, signInRequest } from './helpers';
import { testAccounts } from './accounts';

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

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
	// Served again, but never with the same CSP nonce; the page's scripts carry the header's one.
	const [a, b] = [
		nonceOf(first.headers()['content-security-policy']),
		nonceOf(second.headers()['content-security-policy'])
	];
	expect(a).toBeTruthy();
	expect(b).toBeTruthy();
	expect(b).not.toBe(a);
	const html = await second.text();
	expect(html).toContain(`nonce="${b}"`);
	expect(html).not.toContain(`nonce="${a}"`);
	expect(html).toContain('Karlskoga');

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
