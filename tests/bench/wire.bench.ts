/**
 * Bytes on the wire (issue 32): the public pages and the PDF report measured with a client that is
 * not the bottleneck, each beside a bare `node:http` server that sends the very same bytes with
 * the same headers in the same run, and beside /api/v1/ping.
 *
 * The client is a keep-alive loop on node:http that counts the body's bytes and keeps none of them
 * (autocannon, used before, parses every body and topped out at ~250 req/s on a 289 kB PDF that a
 * bare server can send 30 times as often). "Bare" is the ceiling this client and machine reach for
 * those bytes: the app's share of it is what the app itself costs. Runs on PostgreSQL with 290
 * municipalities × 10 published evaluations (national-data.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase, fmt, keepAliveLoad, pct, startServer } from './support';
import { seedNationalResults } from './national-data';

const seconds = Number(process.env.BENCH_WIRE_S ?? 8);
const clients = Number(process.env.BENCH_WIRE_CLIENTS ?? 50);

const bareServerSource = `
const { createServer } = require('node:http');
const { readFileSync } = require('node:fs');
const { body, headers } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const bytes = Buffer.from(body, 'base64');
const server = createServer((req, res) => {
	res.writeHead(200, { ...headers, 'content-length': bytes.length });
	res.end(bytes);
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.argv[3]), '127.0.0.1', () => process.send('ready'));
`;

/** A bare node:http server that answers every request with these bytes and headers. */
async function bareServer(
	port: number,
	body: Buffer,
	headers: Record<string, string>
): Promise<ChildProcess> {
	const dir = mkdtempSync(join(tmpdir(), 'kk-bare-'));
	const script = join(dir, 'bare.cjs');
	const spec = join(dir, 'spec.json');
	writeFileSync(script, bareServerSource);
	writeFileSync(spec, JSON.stringify({ body: body.toString('base64'), headers }));
	const child = fork(script, [spec, String(port)], {
		stdio: ['ignore', 'ignore', 'inherit', 'ipc']
	});
	await new Promise((resolve) => child.once('message', resolve));
	return child;
}

async function fetchRaw(origin: string, path: string, headers: Record<string, string>) {
	return new Promise<{ body: Buffer; headers: Record<string, string> }>((resolve, reject) => {
		httpRequest(`${origin}${path}`, { headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () =>
				resolve({ body: Buffer.concat(chunks), headers: res.headers as Record<string, string> })
			);
		})
			.on('error', reject)
			.end();
	});
}

const kept = ['content-type', 'content-encoding', 'cache-control', 'vary', 'etag'];

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	if (!db.url) {
		await db.drop();
		return ['skipped: set TEST_DATABASE_URL (PostgreSQL) for this benchmark'];
	}
	await seedNationalResults(db.opened.db);
	const port = 4472;
	const origin = `http://localhost:${port}`;
	const server = await startServer(db, port).catch(async (e) => {
		await db.drop();
		throw e;
	});
	const lines = [
		`${clients} keep-alive clients, ${seconds} s per run; database ${db.label}; load average at start ${(
			await import('node:os')
		)
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`,
		'| answer | bytes sent | app req/s | p50 | p99 | bare server req/s (same bytes) | app ÷ bare | app ÷ ping | client CPU/req | app CPU/req |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'
	];
	const compressing = { 'accept-encoding': 'gzip, deflate, br' };
	const cases: [string, string, Record<string, string>][] = [
		['ping', '/api/v1/ping', {}],
		['/kommuner/1883 (br)', '/kommuner/1883', compressing],
		['/kommuner/1883 (uncompressed)', '/kommuner/1883', {}],
		['report HTML (br)', '/kommuner/1883/2022/rapport', compressing],
		['report PDF', '/kommuner/1883/2022/rapport.pdf', compressing]
	];
	let pingRate = NaN;
	try {
		for (const [, path, headers] of cases) await fetchRaw(origin, path, headers); // fill the cache
		await new Promise((r) => setTimeout(r, 2000)); // the compressed variants are made meanwhile
		let barePort = 4480;
		for (const [label, path, headers] of cases) {
			const sample = await fetchRaw(origin, path, headers);
			const app = await keepAliveLoad({ origin, path, headers, clients, seconds, server });
			const bare = await bareServer(
				barePort,
				sample.body,
				Object.fromEntries(kept.filter((h) => sample.headers[h]).map((h) => [h, sample.headers[h]]))
			);
			const ceiling = await keepAliveLoad({
				origin: `http://127.0.0.1:${barePort++}`,
				path,
				headers,
				clients,
				seconds,
				server: bare
			});
			bare.kill();
			const rate = app.requests / app.seconds;
			const bareRate = ceiling.requests / ceiling.seconds;
			if (label === 'ping') pingRate = rate;
			lines.push(
				`| ${label} | ${(sample.body.length / 1024).toFixed(1)} kB | ${rate.toFixed(0)} | ${fmt(pct(app.latencies, 50))} | ${fmt(pct(app.latencies, 99))} | ${bareRate.toFixed(0)} | ${((100 * rate) / bareRate).toFixed(0)} % | ${((100 * rate) / pingRate).toFixed(0)} % | ${(app.clientCpuMs / app.requests).toFixed(3)} ms | ${(app.serverCpuMs / app.requests).toFixed(3)} ms |` +
					(app.errors + ceiling.errors ? ` ${app.errors + ceiling.errors} errors` : '')
			);
		}
		return lines;
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		await db.drop();
	}
}
