import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { origin, signInRequest } from './helpers';

test.describe('hardening, over HTTP', () => {
	test('a signed-in user is never sent off-site by returnTo, and odd spellings do not give 500', async ({
		request
	}) => {
		await signInRequest(request, testAccounts.evaluator1);
		for (const value of [
			'/%09/evil.example/x',
			'//evil.example',
			'/%5Cevil.example',
			'/%5C/evil.example',
			'/.//evil.example',
			'https://evil.example',
			'/%0aX',
			'/%0d%0aSet-Cookie:%20x=1'
		]) {
			const response = await request.get(`/logga-in?returnTo=${value}`, { maxRedirects: 0 });
			expect([value, response.status()]).toEqual([value, 303]);
			const location = new URL(response.headers()['location'], origin);
			expect([value, location.origin]).toEqual([value, origin]);
			expect(response.headers()['set-cookie'] ?? '').not.toContain('x=1');
		}
	});

	test('a NUL byte in any text gives 400 with a message, and nothing is written', async ({
		request
	}) => {
		const plain = await request.post('/logga-in', {
			form: { email: 'samordnare@test.se\u0000', password: 'x' },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(plain.status()).toBe(400);
		expect(await plain.text()).toContain('otillåtet tecken');

		const enhanced = await request.post('/logga-in', {
			form: { email: 'samordnare@test.se\u0000', password: 'x' },
			headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(enhanced.status()).toBe(400);
		expect(await enhanced.json()).toMatchObject({ type: 'failure', status: 400 });

		const api = await request.get('/api/v1/results?rubric=%00');
		expect(api.status()).toBe(400);
		expect((await api.json()).error).toMatch(/NUL/);

		await signInRequest(request, testAccounts.coordinator);
		const group = await request.post('/jamfor?/saveGroup', {
			form: { kommuner: 'Karlskoga, Sundsvall', name: 'Nolltecken\u0000grupp' },
			headers: { origin, accept: 'text/html' }
		});
		expect(group.status()).toBe(400);
		const user = await request.post('/konto/losenord', {
			form: { current: 'x\u0000', password: 'x', confirm: 'x' },
			headers: { origin, accept: 'text/html' }
		});
		expect(user.status()).toBe(400);
		const jamfor = await request.get('/jamfor');
		expect(await jamfor.text()).not.toContain('Nolltecken');
	});

	test('the audit log ignores impossible dates and ids instead of failing', async ({ request }) => {
		await signInRequest(request, testAccounts.coordinator);
		const response = await request.get('/admin/logg?from=2025-13-45&to=2025-02-30&user=2147483648');
		expect(response.status()).toBe(200);
	});

	test('a body over BODY_SIZE_LIMIT gets a size message, not the generic error', async ({
		request
	}) => {
		await signInRequest(request, testAccounts.coordinator);
		const response = await request.post('/jamfor?/saveGroup', {
			multipart: {
				kommuner: 'Karlskoga, Sundsvall',
				name: 'Stor',
				file: {
					name: 'stor.bin',
					mimeType: 'application/octet-stream',
					buffer: Buffer.alloc(61 * 1024 * 1024)
				}
			},
			headers: { origin, accept: 'text/html' }
		});
		expect(response.status()).toBe(413);
		const text = await response.text();
		expect(text).toContain('för stort');
		expect(text).not.toContain('oväntat fel');
	});

	test('a peer group is private to its creator unless they make it public', async ({
		request,
		playwright
	}) => {
		await signInRequest(request, testAccounts.karlskoga);
		for (const [name, isPublic] of [
			['Karlskogas privata', false],
			['Karlskogas delade', true]
		] as const) {
			const saved = await request.post('/jamfor?/saveGroup', {
				form: {
					kommuner: 'Karlskoga, Sundsvall',
					name,
					...(isPublic ? { public: 'on' } : {})
				},
				headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
			});
			expect((await saved.json()).type).toBe('success');
		}
		const anonymous = await playwright.request.newContext({ baseURL: origin });
		const publicPage = await (await anonymous.get('/jamfor')).text();
		expect(publicPage).toContain('Karlskogas delade');
		expect(publicPage).not.toContain('Karlskogas privata');
		await anonymous.dispose();
		expect(await (await request.get('/jamfor')).text()).toContain('Karlskogas privata');
	});
});
