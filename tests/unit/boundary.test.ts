import { describe, expect, it, vi } from 'vitest';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { parse } from 'devalue';
import { refuseNulBytes } from '../../src/lib/server/http/bad-input';
import { securityHeaders } from '../../src/lib/server/http/security-headers';

function eventFor(url: string, init: RequestInit = {}, locale: 'sv' | 'en' = 'sv') {
	return {
		url: new URL(url),
		request: new Request(url, init),
		locals: { locale }
	} as unknown as RequestEvent;
}

/** Runs the handle step; returns what the route would have seen, or the refusal. */
async function run(event: RequestEvent) {
	let reached = false;
	let routeRead: unknown;
	const resolve = async () => {
		reached = true;
		// The route still reads the body after the check: forms as forms, JSON and text as text.
		const type = event.request.headers.get('content-type') ?? '';
		if (event.request.body) {
			routeRead = /form/.test(type)
				? await event.request.formData()
				: /json/.test(type)
					? await event.request.json()
					: await event.request.text();
		}
		return new Response('ok');
	};
	try {
		const response = await refuseNulBytes({ event, resolve } as never);
		return { reached, response, routeRead };
	} catch (e) {
		if (isHttpError(e)) return { reached, status: e.status, message: e.body.message };
		throw e;
	}
}

const origin = 'http://localhost';
const form = (entries: Record<string, string>) => {
	const body = new FormData();
	for (const [k, v] of Object.entries(entries)) body.append(k, v);
	return body;
};

describe('NUL bytes at the boundary', () => {
	it('refuses a NUL in a plain form post with a 400 page in Swedish, before the route', async () => {
		const result = await run(
			eventFor(`${origin}/logga-in`, {
				method: 'POST',
				body: new URLSearchParams({ email: 'a\u0000@test.se', password: 'x' })
			})
		);
		expect(result).toMatchObject({ reached: false, status: 400 });
		expect(result.message).toMatch(/otillåtet tecken/);
	});

	it('answers an enhanced action with a failure ActionResult at the field, in English when chosen', async () => {
		const result = await run(
			eventFor(
				`${origin}/jamfor?/saveGroup`,
				{
					method: 'POST',
					headers: { 'x-sveltekit-action': 'true' },
					body: form({ name: 'Grupp\u0000', kommuner: 'Askersund, Hedemora' })
				},
				'en'
			)
		);
		expect(result.reached).toBe(false);
		expect(result.response!.status).toBe(400);
		const body = await result.response!.json();
		expect(body.type).toBe('failure');
		expect(body.status).toBe(400);
		const data = parse(body.data);
		expect(data.errors.name).toMatch(/not allowed/);
		expect(data.errors._form).toBe(data.errors.name);
	});

	it('refuses a NUL in an upload file name but not in file content', async () => {
		const withName = new FormData();
		withName.append('files', new File(['plain text'], 'plan\u0000.txt'));
		expect(
			(await run(eventFor(`${origin}/x?/upload`, { method: 'POST', body: withName }))).status
		).toBe(400);
		const withContent = new FormData();
		withContent.append('files', new File([new Uint8Array([0, 1, 0, 2])], 'data.bin'));
		const passed = await run(
			eventFor(`${origin}/x?/upload`, { method: 'POST', body: withContent })
		);
		expect(passed.reached).toBe(true);
		// The route gets the file whole from the check's single reading of the body.
		const file = (passed.routeRead as FormData).get('files') as File;
		expect(file.name).toBe('data.bin');
		expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([0, 1, 0, 2]);
	});

	it('refuses a NUL in a query parameter of the open API with a JSON 400, and in a page path', async () => {
		const api = await run(eventFor(`${origin}/api/v1/results?rubric=%00`));
		expect(api.reached).toBe(false);
		expect(api.response!.status).toBe(400);
		expect((await api.response!.json()).error).toMatch(/NUL/);
		expect((await run(eventFor(`${origin}/kommuner/%00`))).status).toBe(400);
		expect((await run(eventFor(`${origin}/admin/logg?user=1%00`))).status).toBe(400);
	});

	it('refuses a NUL in a JSON body, however deep', async () => {
		const result = await run(
			eventFor(`${origin}/api/x`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ a: [{ b: 'x\u0000' }] })
			})
		);
		expect(result.response!.status).toBe(400);
	});

	it('lets ordinary text through untouched, åäö and line breaks included', async () => {
		const result = await run(
			eventFor(`${origin}/jamfor?kommuner=Örebro`, {
				method: 'POST',
				body: form({ name: 'Bergslagen\r\nöst', kommuner: 'Örebro, Karlskoga' })
			})
		);
		expect(result.reached).toBe(true);
		expect(await result.response!.text()).toBe('ok');
		expect((result.routeRead as FormData).get('name')).toBe('Bergslagen\r\nöst');
	});

	it('hands a clean JSON body to the route as it was sent', async () => {
		const sent = { kommuner: ['Örebro', 'Lund'], note: 'rad ett\nrad två' };
		const result = await run(
			eventFor(`${origin}/api/x`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(sent)
			})
		);
		expect(result.reached).toBe(true);
		expect(result.routeRead).toEqual(sent);
	});

	it('leaves a malformed JSON body for the route, which meets the same error reading it', async () => {
		const result = await run(
			eventFor(`${origin}/api/x`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"a": '
			})
		).catch((e: unknown) => ({ thrown: e }));
		expect(result).toMatchObject({ thrown: expect.any(SyntaxError) });
	});
});

describe('invalid text and unreadable bodies at the boundary (issue 25, findings 4, 6, 8)', () => {
	const bytes = (...parts: (string | number[])[]) =>
		Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

	it('refuses a malformed multipart body with 400 before the action, as a failure for use:enhance', async () => {
		const init = {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=zz' },
			body: '--zz\r\nbroken'
		};
		const plain = await run(eventFor(`${origin}/utvarderingar/1/intervjuer?/create`, init));
		expect(plain).toMatchObject({ reached: false, status: 400 });
		expect(plain.message).toMatch(/gick inte att läsa/);
		const enhanced = await run(
			eventFor(`${origin}/utvarderingar/1/intervjuer?/create`, {
				...init,
				headers: { ...init.headers, 'x-sveltekit-action': 'true' }
			})
		);
		expect(enhanced.response!.status).toBe(400);
		expect((await enhanced.response!.json()).type).toBe('failure');
	});

	it('refuses a lone surrogate in a JSON body and in a query parameter', async () => {
		const json = await run(
			eventFor(`${origin}/api/x`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{"name": "a\\ud800b"}'
			})
		);
		expect(json.reached).toBe(false);
		expect(json.response!.status).toBe(400);
		expect((await json.response!.json()).error).toMatch(/not valid text|inte är giltig text/);
		expect((await run(eventFor(`${origin}/kommuner?q=%ED%A0%80`))).status).toBe(400);
	});

	it('refuses bytes that are not UTF-8 in a form field, urlencoded and multipart', async () => {
		const urlencoded = await run(
			eventFor(`${origin}/utvarderingar/1/intervjuer?/create`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: 'notes=ok%FF%FE%C3%28'
			})
		);
		expect(urlencoded).toMatchObject({ reached: false, status: 400 });
		expect(urlencoded.message).toMatch(/inte är giltig text/);
		const multipart = await run(
			eventFor(`${origin}/utvarderingar/1/webb?/create`, {
				method: 'POST',
				headers: { 'content-type': 'multipart/form-data; boundary=zz' },
				body: bytes(
					'--zz\r\nContent-Disposition: form-data; name="notes"\r\n\r\n',
					[0xff, 0xfe, 0xc3, 0x28],
					'\r\n--zz--\r\n'
				)
			})
		);
		expect(multipart).toMatchObject({ reached: false, status: 400 });
	});

	it('lets emoji and other astral characters through (surrogate pairs are valid text)', async () => {
		const result = await run(
			eventFor(`${origin}/x?/save`, { method: 'POST', body: form({ notes: 'Bra 👍 𝔸' }) })
		);
		expect(result.reached).toBe(true);
	});

	it('logs a refusal thrown by a handle step with its own status, not 500 at error level', async () => {
		const { requestLog } = await import('../../src/hooks.server');
		const { log } = await import('../../src/lib/server/platform/log');
		const lines: { level: string; status: unknown }[] = [];
		const spies = (['info', 'error'] as const).map((level) =>
			vi.spyOn(log, level).mockImplementation(((fields: { status?: unknown }) => {
				lines.push({ level, status: fields?.status });
			}) as never)
		);
		try {
			const event = { ...eventFor(`${origin}/kommuner?q=%00`), route: { id: '/kommuner' } };
			await expect(
				requestLog({
					event,
					resolve: (e: RequestEvent) =>
						refuseNulBytes({ event: e, resolve: async () => new Response('ok') })
				} as never)
			).rejects.toMatchObject({ status: 400 });
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
		expect(lines).toEqual([{ level: 'info', status: 400 }]);
	}, 30_000);

	it("answers Kit's 415 for a JSON body to a form action as the client's error, without an error id", async () => {
		const { handleError } = await import('../../src/hooks.server');
		const { log } = await import('../../src/lib/server/platform/log');
		const errors = vi.spyOn(log, 'error').mockImplementation((() => {}) as never);
		const infos = vi.spyOn(log, 'info').mockImplementation((() => {}) as never);
		try {
			const event = { ...eventFor(`${origin}/logga-in`), route: { id: '/logga-in' } };
			const answer = await handleError({
				error: new Error('Form actions expect form-encoded data'),
				event,
				status: 415,
				message: 'Unsupported Media Type'
			} as never);
			expect(answer).toEqual({ message: 'Unsupported Media Type' });
			expect(errors).not.toHaveBeenCalled();
			expect(infos).toHaveBeenCalled();
		} finally {
			errors.mockRestore();
			infos.mockRestore();
		}
	}, 30_000);
});

describe('security headers', () => {
	const headersFor = async (url: string) =>
		(
			await securityHeaders({
				event: eventFor(url),
				resolve: async () => new Response('ok')
			} as never)
		).headers;

	it('sends HSTS when the origin is https, and not over plain http', async () => {
		expect((await headersFor('https://kompass.example/')).get('strict-transport-security')).toMatch(
			/^max-age=31536000/
		);
		expect(
			(await headersFor('http://localhost:4311/')).get('strict-transport-security')
		).toBeNull();
		expect((await headersFor('http://localhost:4311/')).get('x-content-type-options')).toBe(
			'nosniff'
		);
	});
});
