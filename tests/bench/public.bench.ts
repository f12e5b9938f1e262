/**
 * Public pages under load (issue 16, item 4): the built server on PostgreSQL with 290
 * municipalities × 10 published evaluations (national-data.ts) plus the demo, loaded with the
 * node:http keep-alive client of support.ts (bodies counted, not kept; it replaced autocannon,
 * which was itself the limit on large bodies); each page is measured right after /api/v1/ping at
 * the same concurrency, as a browser asks for it (brotli or gzip accepted).
 * Targets: /kommuner/[code] at 200 clients p99 < 100 ms and ≥ 25 % of ping's throughput;
 * /jamfor with 6 municipalities and the national-average API at 50 clients p99 < 50 ms; the HTML
 * report at 50 clients p99 < 100 ms; zero errors. Also: the same municipality page with a
 * query string that changes on every request (never answered from the page cache: the cost of
 * rendering it), and a revalidation with If-None-Match answered 304.
 */
import { benchDatabase, fmt, keepAliveLoad, pct, startServer, type Measured } from './support';
import { seedNationalResults } from './national-data';

const seconds = Number(process.env.BENCH_PUBLIC_S ?? 8);

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	if (!db.url) {
		await db.drop();
		return ['skipped: set TEST_DATABASE_URL (PostgreSQL) for this benchmark'];
	}
	const started = performance.now();
	const scores = await seedNationalResults(db.opened.db);
	const setup = (performance.now() - started) / 1000;
	const port = 4471;
	const origin = `http://localhost:${port}`;
	const server = await startServer(db, port).catch(async (e) => {
		await db.drop();
		throw e;
	});
	const browserHeaders = { 'accept-encoding': 'gzip, deflate, br' };
	const load = (path: string | (() => string), clients: number) =>
		keepAliveLoad({ origin, path, headers: browserHeaders, clients, seconds, server });
	const rate = (r: Measured) => r.requests / r.seconds;
	const p99 = (r: Measured) => pct(r.latencies, 99);
	const line = (label: string, r: Measured, ping?: Measured, target?: string) =>
		`${label}: ${rate(r).toFixed(0)} req/s, p50 ${fmt(pct(r.latencies, 50))}, p99 ${fmt(p99(r))}, ` +
		`${(r.bytes / Math.max(1, r.requests) / 1024).toFixed(1)} kB each, ${r.errors} errors` +
		(ping ? ` (${((100 * rate(r)) / rate(ping)).toFixed(0)} % of ping)` : '') +
		(target ? ` — ${target}` : '');
	const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
	const answered = (r: Measured) => r.requests > 0 && !r.errors;
	const compare = `/jamfor?kommuner=${encodeURIComponent('Karlskoga, Vallentuna, Tomelilla, Ale, Bjuv, Boden')}`;
	try {
		for (const path of ['/kommuner/1883', compare, '/kommuner/1883/2022/rapport'])
			if (!(await fetch(`${origin}${path}`)).ok) throw new Error(`${path} does not answer 200`);
		const first = await fetch(`${origin}/kommuner/1883`);
		const etag = first.headers.get('etag');
		const revalidated = await fetch(`${origin}/kommuner/1883`, {
			headers: { 'if-none-match': etag ?? '' }
		});
		const sizes = await Promise.all(
			['/kommuner/1883', compare, '/kommuner/1883/2022/rapport'].map(
				async (path) =>
					`${path} ${Math.round((await (await fetch(`${origin}${path}`)).arrayBuffer()).byteLength / 1024)} kB`
			)
		);
		const lines = [
			`answer sizes: ${sizes.join(', ')}`,
			`database: ${db.label}; ${scores} subarea scores (${setup.toFixed(1)} s to generate); ${seconds} s per run`,
			`/kommuner/1883: ETag ${etag}, Cache-Control "${first.headers.get('cache-control')}"; with If-None-Match: ${revalidated.status}`
		];
		const ping200 = await load('/api/v1/ping', 200);
		lines.push(line('/api/v1/ping, 200 clients', ping200));
		const page = await load('/kommuner/1883', 200);
		lines.push(
			line(
				'/kommuner/1883, 200 clients',
				page,
				ping200,
				`target p99 < 100 ms and ≥ 25 % of ping: ${met(p99(page) < 100 && rate(page) >= 0.25 * rate(ping200) && answered(page))}`
			)
		);
		const ping50 = await load('/api/v1/ping', 50);
		lines.push(line('/api/v1/ping, 50 clients', ping50));
		for (const [label, path, limit] of [
			['/jamfor with 6 municipalities, 50 clients', compare, 50],
			[
				'/api/v1/national-average, 50 clients',
				'/api/v1/national-average?rubric=kommunkompassen-2020',
				50
			],
			['/kommuner/1883/2022/rapport (HTML), 50 clients', '/kommuner/1883/2022/rapport', 100]
		] as const) {
			const r = await load(path, 50);
			lines.push(
				line(label, r, ping50, `target p99 < ${limit} ms: ${met(p99(r) < limit && answered(r))}`)
			);
		}
		// Last: its unique URLs fill the page cache and push the pages above out of it.
		let unique = 0;
		const rendered = await load(() => `/kommuner/1883?bench=${unique++}`, 20);
		lines.push(line('/kommuner/1883 rendered every time (unique query), 20 clients', rendered));
		return lines;
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		await db.drop();
	}
}
