/**
 * Two built app servers on one PostgreSQL (a throw-away cluster of this test's own): what one
 * server knows, the other knows too, because all shared state lives in the database.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { postgresBin, startApp, startCluster, type AppProcess, type Cluster } from './processes';
import { testAccounts, type E2eState, type TestAccount } from './accounts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let cluster: Cluster | undefined;
let a: AppProcess | undefined;
let b: AppProcess | undefined;
let state: E2eState;

test.beforeAll(async () => {
	const bin = postgresBin();
	test.skip(!bin, 'PostgreSQL server binaries (initdb, pg_ctl) are not installed');
	cluster = await startCluster(bin!);
	const prepared = spawnSync('npx', ['tsx', 'tests/e2e/prepare-cli.ts'], {
		env: { ...process.env, DATABASE_URL: cluster.url(), LOG_TO_STDERR: 'true' },
		encoding: 'utf8'
	});
	if (prepared.status !== 0) throw new Error(`prepare failed: ${prepared.stderr}`);
	state = JSON.parse(prepared.stdout.trim().split('\n').at(-1)!);
	// Both poll the extraction queue every second, so both compete for every document.
	const env = { DATABASE_URL: cluster.url(), EXTRACTION_POLL_S: '1' };
	[a, b] = await Promise.all([startApp({ port: 4354, env }), startApp({ port: 4355, env })]);
});

test.afterAll(async () => {
	await Promise.all([a?.stop(), b?.stop()]);
	cluster?.destroy();
});

const actionHeaders = (app: AppProcess) => ({
	origin: app.origin,
	accept: 'application/json',
	'x-sveltekit-action': 'true'
});

async function signIn(request: APIRequestContext, app: AppProcess, account: TestAccount) {
	return request.post(`${app.origin}/logga-in`, {
		form: { email: account.email, password: account.password },
		headers: { origin: app.origin, accept: 'text/html' },
		maxRedirects: 0
	});
}

test('a session made on one server is valid on the other, and signing out ends it on both', async ({
	playwright
}) => {
	// Cookies are not port-bound: one client context carries the session to both servers.
	const request = await playwright.request.newContext();
	expect((await signIn(request, a!, testAccounts.evaluator1)).status()).toBe(303);
	const onB = await request.get(`${b!.origin}/utvarderingar`, { maxRedirects: 0 });
	expect(onB.status()).toBe(200);
	expect(await onB.text()).toContain(testAccounts.evaluator1.name);

	// Signing out on B ends the session itself: the old cookie no longer works on A.
	const cookies = await request.storageState();
	const signOut = await request.post(`${b!.origin}/logga-ut`, {
		form: { signOut: '1' },
		headers: { origin: b!.origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(signOut.status()).toBe(303);
	const old = await playwright.request.newContext({ storageState: cookies });
	const onA = await old.get(`${a!.origin}/utvarderingar`, { maxRedirects: 0 });
	expect(onA.status()).toBe(303);
	expect(onA.headers().location).toMatch(/^\/logga-in/);
	await old.dispose();
	await request.dispose();
});

test('the sign-in limit counts failures on both servers together', async ({ playwright }) => {
	const request = await playwright.request.newContext();
	const account = testAccounts.evaluator3;
	const attempt = async (app: AppProcess, password: string) =>
		(
			await (
				await request.post(`${app.origin}/logga-in`, {
					form: { email: account.email, password },
					headers: actionHeaders(app)
				})
			).json()
		).status;
	// Five failures, alternating servers: neither alone reaches the limit of five.
	for (let i = 0; i < 5; i++) expect(await attempt(i % 2 ? b! : a!, 'fel-lösenord')).toBe(400);
	// Now the right password is refused on both.
	expect(await attempt(a!, account.password)).toBe(429);
	expect(await attempt(b!, account.password)).toBe(429);
	await request.dispose();
});

test('a save made stale on one server is refused on the other', async ({ playwright }) => {
	const request = await playwright.request.newContext();
	expect((await signIn(request, a!, testAccounts.vallentuna)).status()).toBe(303);
	const save = async (app: AppProcess, answer: string, version: string) =>
		(
			await request.post(`${app.origin}/utvarderingar/${state.draftId}/svar?/save`, {
				form: { targetId: '2.2.b', answer, version },
				headers: actionHeaders(app)
			})
		).json();
	expect((await save(a!, 'Sparat på server A', '0')).type).toBe('success');
	const stale = await save(b!, 'Sparat på server B från en gammal flik', '0');
	expect(stale.status).toBe(409);
	expect(stale.data).toContain('Sparat på server A');
	await request.dispose();
});

test('documents uploaded to both servers are each extracted once', async ({ playwright }) => {
	const request = await playwright.request.newContext();
	expect((await signIn(request, a!, testAccounts.evaluator1)).status()).toBe(303);
	const upload = async (app: AppProcess, names: string[]) => {
		const form = new FormData();
		for (const name of names) {
			const text = `${name}\n\nStyrning och ledning i ${name}.\n\n${'Mål och uppföljning. '.repeat(400)}`;
			form.append('files', new File([text], `${name}.txt`, { type: 'text/plain' }));
		}
		form.append('kind', 'annat');
		const response = await request.post(
			`${app.origin}/utvarderingar/${state.draftId}/dokument?/upload`,
			{ multipart: form, headers: actionHeaders(app) }
		);
		expect((await response.json()).type).toBe('success');
	};
	await Promise.all([
		upload(a!, ['plan-a1', 'plan-a2', 'plan-a3', 'plan-a4']),
		upload(b!, ['plan-b1', 'plan-b2', 'plan-b3', 'plan-b4'])
	]);

	const client = new pg.Client(cluster!.url());
	await client.connect();
	try {
		const documents = async () =>
			(
				await client.query(
					`SELECT d.id, d.status, d.extraction_attempts::int AS attempts, d.page_count,
						(SELECT count(*)::int FROM document_page p WHERE p.document_id = d.id) AS pages
					FROM source_document d WHERE d.evaluation_id = $1 AND d.file_name LIKE 'plan-%'`,
					[state.draftId]
				)
			).rows;
		await expect
			.poll(async () => (await documents()).filter((d) => d.status === 'bearbetas').length, {
				timeout: 60_000
			})
			.toBe(0);
		const rows = await documents();
		expect(rows).toHaveLength(8);
		for (const row of rows) {
			expect(row).toMatchObject({ status: 'klar', attempts: 1 });
			expect(row.pages).toBe(row.page_count);
		}
		// Each document's extraction ran once, on one of the two servers. A log line may reach the
		// output a moment after the database says done, so wait for every document's line first.
		const runsOf = (id: number) =>
			(a!.output() + b!.output()).match(
				new RegExp(`"documentId":${id},[^\\n]*document extracted`, 'g')
			)?.length ?? 0;
		await expect
			.poll(() => rows.every((row) => runsOf(row.id) >= 1), { timeout: 10_000 })
			.toBe(true);
		for (const row of rows) expect([row.id, runsOf(row.id)]).toEqual([row.id, 1]);
	} finally {
		await client.end();
		await request.dispose();
	}
});
