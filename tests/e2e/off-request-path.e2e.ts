/**
 * Text extraction and PDF reports run in worker threads: while a large PDF is extracted and
 * reports are generated, the constant endpoint keeps answering. The exact figures are in
 * `npm run bench -- off-request-path`; this test holds a generous bound (before the worker
 * threads, a 100-page PDF held every request for ~0.8 s and a report for up to 1.3 s).
 */
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { postgresBin, startApp, startCluster } from './processes';
import { testAccounts, type E2eState } from './accounts';
import { makePdf } from '../helpers/files';
import { percentile, samplePing } from '../helpers/ping';

test.describe.configure({ timeout: 240_000 });

test('/api/v1/ping stays fast while a 150-page PDF is extracted and reports are generated', async ({
	playwright
}) => {
	// On PostgreSQL: with the embedded PGlite every SQL statement also runs on the server's
	// thread (storing 150 pages' search index took ~0.3 s), which this test is not about.
	const bin = postgresBin();
	test.skip(!bin, 'PostgreSQL server binaries (initdb, pg_ctl) are not installed');
	const cluster = await startCluster(bin!);
	const prepared = spawnSync('npx', ['tsx', 'tests/e2e/prepare-cli.ts'], {
		env: { ...process.env, DATABASE_URL: cluster.url(), LOG_TO_STDERR: 'true' },
		encoding: 'utf8'
	});
	expect(prepared.status, prepared.stderr).toBe(0);
	const state: E2eState = JSON.parse(prepared.stdout.trim().split('\n').at(-1)!);
	const app = await startApp({ port: 4356, env: { DATABASE_URL: cluster.url() } });
	const request = await playwright.request.newContext({ baseURL: app.origin });
	try {
		const signIn = async (email: string, password: string) =>
			expect(
				(
					await request.post('/logga-in', {
						form: { email, password },
						headers: { origin: app.origin, accept: 'text/html' },
						maxRedirects: 0
					})
				).status()
			).toBe(303);
		await signIn(testAccounts.evaluator1.email, testAccounts.evaluator1.password);
		const pages = Array.from(
			{ length: 150 },
			(_, i) =>
				`Sida ${i + 1}. ${'Kommunens styrning, ledning och uppföljning av verksamheten. '.repeat(60)}`
		);
		const pdf = await makePdf(pages);

		const work = (async () => {
			const uploaded = await request.post(`/utvarderingar/${state.draftId}/dokument?/upload`, {
				multipart: {
					files: { name: 'stor-plan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) }
				},
				headers: { origin: app.origin, accept: 'application/json', 'x-sveltekit-action': 'true' }
			});
			expect((await uploaded.json()).type).toBe('success');
			// Reports while the PDF is extracted: the published one (first time: generated) and drafts.
			const reports = await Promise.all([
				request.get('/kommuner/1883/2022/rapport.pdf'),
				request.get(`/utvarderingar/${state.draftId}/rapport.pdf`),
				request.get(`/utvarderingar/${state.draftId}/rapport.pdf`)
			]);
			for (const report of reports) {
				expect(report.status()).toBe(200);
				expect((await report.body()).subarray(0, 5).toString()).toBe('%PDF-');
			}
			await expect
				.poll(() => /"pages":150,[^\n]*document extracted/.test(app.output()), {
					timeout: 120_000
				})
				.toBe(true);
		})();
		const times = await samplePing(app.origin, work);
		const p99 = percentile(times, 99);
		console.log(
			`ping during extraction and reports: n=${times.length}, p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`
		);
		expect(times.length).toBeGreaterThan(20);
		expect(p99).toBeLessThan(250);
	} finally {
		await request.dispose();
		await app.stop();
		cluster.destroy();
	}
});
