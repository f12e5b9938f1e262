/**
 * Blind scoring is blind on every route and format: until calibration, one evaluator's sheet
 * (points, justification, whether a subarea is scored, its history) reaches nobody but its
 * author — not the other evaluator, not the coordinator — in pages, their __data.json, the
 * history and admin log, the team export and the draft report. From calibration on, the team and
 * the coordinator see both sheets where calibration shows them.
 */
import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { testAccounts, type TestAccount } from './accounts';
import { origin, signInRequest, state } from './helpers';

const markerA = 'BLINDMARKER_A_7f3q';
const markerB = 'BLINDMARKER_B_9k2w';

const pages = [
	'',
	'/poang',
	'/poang/3.1',
	'/poang/1.1',
	'/kalibrering',
	'/fynd',
	'/intervjuer',
	'/webb',
	'/underlag',
	'/dokument',
	'/svar',
	'/historik',
	'/faktagranskning',
	'/handlingsplan'
];

/** Every page, its __data.json, the team export and the draft report of one evaluation. */
function routesOf(id: number): string[] {
	const base = `/utvarderingar/${id}`;
	return [
		...pages.map((p) => base + p),
		...pages.map((p) => `${base}${p}/__data.json`),
		`${base}/export.json`,
		`${base}/rapport`,
		`${base}/rapport/__data.json`,
		`${base}/rapport.pdf`,
		'/utvarderingar',
		'/admin/logg',
		`/admin/logg?evaluation=${id}`,
		`/admin/logg/__data.json?evaluation=${id}`
	];
}

/** The text a reader gets from a route: PDFs through pdftotext, everything else as is. */
async function readableText(request: APIRequestContext, path: string): Promise<string> {
	const response = await request.get(path, { maxRedirects: 0 });
	const body = await response.body();
	if ((response.headers()['content-type'] ?? '').includes('application/pdf')) {
		return execFileSync('pdftotext', ['-', '-'], { input: body }).toString('utf8');
	}
	return body.toString('utf8');
}

async function asUser(
	playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
	account: TestAccount
) {
	const context = await playwright.request.newContext({ baseURL: origin });
	await signInRequest(context, account);
	return context;
}

async function post(request: APIRequestContext, path: string, form: Record<string, string>) {
	const response = await request.post(path, {
		form,
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect([path, response.status()]).toEqual([path, 200]);
}

test('blind sheets stay blind on every route and format until calibration', async ({
	playwright
}) => {
	test.setTimeout(180_000);
	const { blindDraftId: id } = state();
	const a = await asUser(playwright, testAccounts.evaluator1);
	const b = await asUser(playwright, testAccounts.evaluator2);
	const coordinator = await asUser(playwright, testAccounts.coordinator);

	const rubric = await (await a.get('/api/v1/rubrics/kommunkompassen-2020')).json();
	const subareas: { id: string; maxPoints: number }[] = rubric.areas.flatMap(
		(area: { subareas: { id: string; maxPoints: number }[] }) => area.subareas
	);
	expect(subareas).toHaveLength(36);

	await post(a, `/utvarderingar/${id}/poang?/save`, {
		subareaId: '3.1',
		points: '9',
		justification: `Tydliga mål. ${markerA}`,
		version: '0'
	});
	// The author sees it (so the checks below can fail) ...
	expect(await readableText(a, `/utvarderingar/${id}/poang`)).toContain(markerA);
	expect(await readableText(a, `/utvarderingar/${id}/historik`)).toContain(markerA);

	// ... nobody else does, anywhere, before calibration.
	const blindChecks = async () => {
		for (const path of routesOf(id)) {
			for (const [who, request] of [
				['evaluator2', b],
				['coordinator', coordinator]
			] as const) {
				const text = await readableText(request, path);
				expect([who, path, text.includes(markerA)]).toEqual([who, path, false]);
				// A's history entries (who scored what) are hidden too: A did nothing else here.
				if (/historik|logg.*evaluation=/.test(path)) {
					expect([who, path, text.includes(testAccounts.evaluator1.email)]).toEqual([
						who,
						path,
						false
					]);
				}
			}
		}
	};
	await blindChecks();

	// Both fill and submit their sheets; still blind while the evaluation is in scoring.
	for (const [request, marker] of [
		[a, markerA],
		[b, markerB]
	] as const) {
		for (const s of subareas) {
			if (request === a && s.id === '3.1') continue;
			await post(request, `/utvarderingar/${id}/poang?/save`, {
				subareaId: s.id,
				points: String(Math.floor(s.maxPoints / 2)),
				justification: s.id === '3.1' ? `Delvis. ${marker}` : 'Motiverat.',
				version: '0'
			});
		}
		await post(request, `/utvarderingar/${id}/poang?/submit`, { confirmed: '1' });
	}
	await blindChecks();

	// Calibration: the team and the coordinator now compare both sheets.
	await post(coordinator, `/utvarderingar/${id}?/move`, { to: 'kalibrering', confirm: 'on' });
	for (const request of [b, coordinator]) {
		expect(await readableText(request, `/utvarderingar/${id}/kalibrering`)).toContain(markerA);
		expect(await readableText(request, `/utvarderingar/${id}/historik`)).toContain(markerA);
		expect(await readableText(request, `/utvarderingar/${id}/export.json`)).toContain(markerA);
	}
	expect(await readableText(a, `/utvarderingar/${id}/kalibrering`)).toContain(markerB);
	for (const request of [a, b, coordinator]) await request.dispose();
});
