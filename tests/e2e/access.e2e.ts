import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { origin, signInRequest, state } from './helpers';

test.describe('who may see what, over HTTP', () => {
	test('an evaluator not on the team gets 404 for every route of a draft, including guessed ids', async ({
		request
	}) => {
		const { draftId } = state();
		await signInRequest(request, testAccounts.evaluator3);
		for (const path of [
			'',
			'/poang',
			'/poang/1.1',
			'/kalibrering',
			'/fynd',
			'/intervjuer',
			'/underlag',
			'/dokument',
			'/svar',
			'/historik',
			'/export.json',
			'/rapport',
			'/rapport.pdf'
		]) {
			const response = await request.get(`/utvarderingar/${draftId}${path}`, { maxRedirects: 0 });
			expect([path, response.status()]).toEqual([path, 404]);
		}
		expect((await request.get('/utvarderingar/999999')).status()).toBe(404);
		expect((await request.get('/utvarderingar/abc')).status()).toBe(404);
		const write = await request.post(`/utvarderingar/${draftId}/poang?/save`, {
			form: { subareaId: '1.1', points: '5', justification: 'x', version: '0' },
			headers: { origin, accept: 'text/html' }
		});
		expect(write.status()).toBe(404);
	});

	test('the contact of another municipality cannot read or write a draft; its own contact can answer', async ({
		request
	}) => {
		const { draftId } = state();
		await signInRequest(request, testAccounts.karlskoga);
		expect((await request.get(`/utvarderingar/${draftId}/svar`)).status()).toBe(404);
		const write = await request.post(`/utvarderingar/${draftId}/svar`, {
			form: { subareaId: '1.1', answer: 'Intrång', version: '0' },
			headers: { origin, accept: 'text/html' }
		});
		expect(write.status()).toBe(404);
	});

	test('the menu offers the admin pages to whom the policy lets in, and no one else', async ({
		request
	}) => {
		const offersAdmin = async () =>
			(await (await request.get('/kommuner')).text()).includes('href="/admin"');
		expect(await offersAdmin()).toBe(false);
		for (const [account, shown] of [
			[testAccounts.evaluator1, false],
			[testAccounts.vallentuna, false],
			[testAccounts.coordinator, true]
		] as const) {
			await signInRequest(request, account);
			expect(await offersAdmin(), account.email).toBe(shown);
			expect((await request.get('/admin', { maxRedirects: 0 })).status(), account.email).toBe(
				shown ? 200 : 403
			);
		}
	});

	test('anonymous visitors see published data only', async ({ request }) => {
		const { draftId, karlskoga2022Id } = state();
		expect((await request.get(`/utvarderingar/${karlskoga2022Id}/rapport.pdf`)).status()).toBe(200);
		expect((await request.get(`/utvarderingar/${draftId}/rapport.pdf`)).status()).toBe(404);
		const results = await (await request.get('/api/v1/results?municipality=0115')).json();
		expect(results.map((r: { year: number }) => r.year).sort()).toEqual([2017, 2019, 2021]);
		expect((await request.get(`/utvarderingar/${draftId}`, { maxRedirects: 0 })).status()).toBe(
			303
		);
	});

	test('forged session cookies are ignored and cross-site form posts refused', async ({
		request,
		playwright
	}) => {
		const forged = await playwright.request.newContext({
			baseURL: origin,
			extraHTTPHeaders: { cookie: 'session=abcdefghijkmnpqrstuvwxyz.abcdefghijkmnpqrstuvwxyz' }
		});
		expect((await forged.get('/admin/anvandare', { maxRedirects: 0 })).status()).toBe(303);
		await forged.dispose();
		const cross = await request.post('/logga-in', {
			form: { email: testAccounts.coordinator.email, password: testAccounts.coordinator.password },
			headers: { origin: 'https://evil.example' }
		});
		expect(cross.status()).toBe(403);
	});

	test('bad uploads get a clear reason per file over HTTP and nothing is stored', async ({
		request
	}) => {
		const { draftId } = state();
		await signInRequest(request, testAccounts.evaluator1);
		const response = await request.post(`/utvarderingar/${draftId}/dokument?/upload`, {
			headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
			multipart: {
				files: { name: 'tom.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) },
				kind: 'annat'
			}
		});
		const body = await response.json();
		expect(body.status).toBe(400);
		expect(body.data).toContain('Filen är tom.');
		const png = await request.post(`/utvarderingar/${draftId}/dokument?/upload`, {
			headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' },
			multipart: {
				files: {
					name: 'bild.pdf',
					mimeType: 'application/pdf',
					buffer: Buffer.from([
						0x89,
						0x50,
						0x4e,
						0x47,
						0x0d,
						0x0a,
						0x1a,
						0x0a,
						...new Array(64).fill(0)
					])
				},
				kind: 'annat'
			}
		});
		expect((await png.json()).data).toContain('Filtypen stöds inte');
	});

	test('security headers are set', async ({ request }) => {
		const response = await request.get('/');
		const headers = response.headers();
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	});
});
