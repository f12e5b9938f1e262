/** Shared benchmark plumbing: a fresh database (real PostgreSQL when available), a built server, timing. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, type OpenedDatabase } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/platform/app';

export interface BenchDatabase {
	opened: OpenedDatabase;
	url: string | null;
	dataDir: string | null;
	label: string;
	drop: () => Promise<void>;
}

/** A new database: on the PostgreSQL of BENCH_DATABASE_URL / TEST_DATABASE_URL, else PGlite. */
export async function benchDatabase(): Promise<BenchDatabase> {
	const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (base) {
		const name = `kk_bench_${randomBytes(4).toString('hex')}`;
		const admin = await openDatabase({ databaseUrl: base, poolSize: 1 });
		await sql.raw(`CREATE DATABASE ${name}`).execute(admin.db);
		const url = new URL(base);
		url.pathname = `/${name}`;
		const opened = await openDatabase({ databaseUrl: url.toString() });
		await prepareDatabase(opened.db, { demo: true });
		return {
			opened,
			url: url.toString(),
			dataDir: null,
			label: 'PostgreSQL',
			drop: async () => {
				await opened.close();
				await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.db);
				await admin.close();
			}
		};
	}
	const dataDir = mkdtempSync(join(tmpdir(), 'kk-bench-'));
	const opened = await openDatabase({ dataDir });
	await prepareDatabase(opened.db, { demo: true });
	return {
		opened,
		url: null,
		dataDir,
		label: 'PGlite (set TEST_DATABASE_URL for PostgreSQL)',
		drop: async () => {}
	};
}

/**
 * Starts the built server (npm run build first) on the database; resolves when it answers.
 * BENCH_BUILD names another build directory (a copy of an earlier build, for before/after runs).
 */
export async function startServer(db: BenchDatabase, port: number): Promise<ChildProcess> {
	const build = process.env.BENCH_BUILD ?? 'build';
	if (!existsSync(join(build, 'index.js')))
		throw new Error('Run `npm run build` before `npm run bench`.');
	if (!db.url) await db.opened.close(); // PGlite: one process per directory
	const env = {
		...process.env,
		PORT: String(port),
		ORIGIN: `http://localhost:${port}`,
		DEMO_DATA: 'false',
		...(db.url ? { DATABASE_URL: db.url } : { DATA_DIR: db.dataDir! })
	};
	delete (env as Record<string, string | undefined>)[db.url ? 'DATA_DIR' : 'DATABASE_URL'];
	// e.g. BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" for a CPU profile of the server
	const flags = (process.env.BENCH_SERVER_FLAGS ?? process.env.BENCH_NODE_ARGS ?? '')
		.split(' ')
		.filter(Boolean);
	const server = spawn(process.execPath, [...flags, join(build, 'index.js')], {
		env,
		stdio: 'ignore'
	});
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(`http://localhost:${port}/api/v1/ping`)).ok) return server;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error('server did not start');
}

export async function medianMs(times: number, work: () => Promise<unknown>): Promise<number> {
	await work(); // warm-up
	const samples: number[] = [];
	for (let i = 0; i < times; i++) {
		const start = performance.now();
		await work();
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	return samples[Math.floor(samples.length / 2)];
}

export async function httpMedian(url: string, times = 50): Promise<number> {
	return medianMs(times, async () => {
		const response = await fetch(url);
		if (!response.ok) throw new Error(`${url}: ${response.status}`);
		await response.arrayBuffer();
	});
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export interface LoadRequest {
	method?: string;
	path: string;
	headers?: Record<string, string>;
	body?: string;
}

export interface LoadResult {
	requests: number;
	errors: number;
	seconds: number;
	latencies: number[];
	/** The first refused answer, for finding out why. */
	firstError?: string;
}

/**
 * A closed-loop load client on node:http with keep-alive: `clients` loops, each sending its next
 * request when the previous answer arrived (after `pauseMs` when given: a user who autosaves every
 * few seconds), for `durationMs`. `check` sees each answer and says whether it counts as an error.
 */
export async function loadTest(options: {
	origin: string;
	clients: number;
	durationMs: number;
	pauseMs?: number;
	next: (client: number) => LoadRequest;
	check?: (client: number, request: LoadRequest, status: number, body: string) => boolean;
}): Promise<LoadResult> {
	const { request: httpRequest, Agent } = await import('node:http');
	const agent = new Agent({ keepAlive: true, maxSockets: options.clients });
	const latencies: number[] = [];
	let errors = 0;
	let firstError: string | undefined;
	const started = performance.now();
	const until = started + options.durationMs;
	const send = (req: LoadRequest) =>
		new Promise<{ status: number; body: string }>((resolve, reject) => {
			const r = httpRequest(
				`${options.origin}${req.path}`,
				{ method: req.method ?? 'GET', headers: req.headers, agent },
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() })
					);
					res.on('error', reject);
				}
			);
			r.on('error', reject);
			r.end(req.body);
		});
	const loop = async (client: number) => {
		// Spread the first requests of paced clients over one pause, as real users would be.
		if (options.pauseMs) await sleep(Math.random() * options.pauseMs);
		while (performance.now() < until) {
			const req = options.next(client);
			const t0 = performance.now();
			try {
				const { status, body } = await send(req);
				latencies.push(performance.now() - t0);
				const ok = options.check ? options.check(client, req, status, body) : status < 400;
				if (!ok) {
					errors++;
					firstError ??= `${status} ${body.slice(0, 300)}`;
				}
			} catch (e) {
				errors++;
				firstError ??= String(e);
			}
			if (options.pauseMs) await sleep(options.pauseMs);
		}
	};
	await Promise.all(Array.from({ length: options.clients }, (_, i) => loop(i)));
	const seconds = (performance.now() - started) / 1000;
	agent.destroy();
	return { requests: latencies.length, errors, seconds, latencies, firstError };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The p-th percentile (0–100), nearest rank. */
export function pct(times: number[], p: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function loadLine(label: string, r: LoadResult & Partial<CpuSpent>): string {
	return (
		`${label}: ${(r.requests / r.seconds).toFixed(0)} req/s, p50 ${fmt(pct(r.latencies, 50))}, ` +
		`p99 ${fmt(pct(r.latencies, 99))}, max ${fmt(Math.max(...r.latencies))}, ` +
		`${r.requests} requests, ${r.errors} errors` +
		(r.serverCpuMs === undefined
			? ''
			: `, CPU ms/request: server ${(r.serverCpuMs / r.requests).toFixed(2)}, ` +
				`PostgreSQL ${((r.postgresCpuMs ?? NaN) / r.requests).toFixed(2)}, ` +
				`load client ${((r.clientCpuMs ?? NaN) / r.requests).toFixed(2)}`) +
		(r.firstError ? ` (first: ${r.firstError})` : '')
	);
}

/**
 * CPU time (user + system, all threads) the process has used so far, in ms, from /proc (Linux).
 * Per request, it is a cost that holds when other work shares the machine, unlike throughput.
 */
export function cpuMsOf(pid: number | undefined): number {
	try {
		const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
		return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
	} catch {
		return NaN;
	}
}

/**
 * CPU time used so far by all PostgreSQL processes on this machine (a local server), in ms. Only
 * meaningful on a quiet machine: other work's connections count too, and an ended one drops out.
 */
export function postgresCpuMs(): number {
	let total = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres')
				total += cpuMsOf(+entry);
		} catch {
			/* the process ended meanwhile */
		}
	}
	return total;
}

/** The CPU time each party used during a load test: the app server, PostgreSQL, the load client. */
export interface CpuSpent {
	serverCpuMs: number;
	postgresCpuMs: number;
	clientCpuMs: number;
}

/** Runs a load test and adds the CPU time the server, PostgreSQL and this client spent on it. */
export async function loadTestOn(
	server: ChildProcess,
	options: Parameters<typeof loadTest>[0]
): Promise<LoadResult & CpuSpent> {
	const before = { server: cpuMsOf(server.pid), pg: postgresCpuMs(), client: process.cpuUsage() };
	const result = await loadTest(options);
	const client = process.cpuUsage(before.client);
	return {
		...result,
		serverCpuMs: cpuMsOf(server.pid) - before.server,
		postgresCpuMs: postgresCpuMs() - before.pg,
		clientCpuMs: (client.user + client.system) / 1000
	};
}

export interface Measured {
	requests: number;
	seconds: number;
	bytes: number;
	latencies: number[];
	errors: number;
	clientCpuMs: number;
	serverCpuMs: number;
}

/**
 * A closed loop of `clients` keep-alive connections on node:http for `seconds`, for throughput:
 * bodies are counted, never kept or parsed (autocannon parses every body, and on a 289 kB PDF it,
 * not the server, was the limit). `path` may be a function, for a new URL on every request.
 */
export async function keepAliveLoad(options: {
	origin: string;
	path: string | (() => string);
	headers?: Record<string, string>;
	clients: number;
	seconds: number;
	server?: ChildProcess;
}): Promise<Measured> {
	const { origin, headers = {}, clients, seconds, server } = options;
	const pathOf = typeof options.path === 'string' ? () => options.path as string : options.path;
	const { Agent, request: httpRequest } = await import('node:http');
	const agent = new Agent({ keepAlive: true, maxSockets: clients });
	const latencies: number[] = [];
	let bytes = 0;
	let errors = 0;
	const cpu0 = process.cpuUsage();
	const server0 = server ? cpuMsOf(server.pid) : NaN;
	const started = performance.now();
	const until = started + seconds * 1000;
	const once = () =>
		new Promise<void>((resolve) => {
			const t0 = performance.now();
			const req = httpRequest(`${origin}${pathOf()}`, { headers, agent }, (res) => {
				if (res.statusCode !== 200) errors++;
				res.on('data', (chunk: Buffer) => (bytes += chunk.length));
				res.on('end', () => {
					latencies.push(performance.now() - t0);
					resolve();
				});
				res.on('error', () => (errors++, resolve()));
			});
			req.on('error', () => (errors++, resolve()));
			req.end();
		});
	await Promise.all(
		Array.from({ length: clients }, async () => {
			while (performance.now() < until) await once();
		})
	);
	const elapsed = (performance.now() - started) / 1000;
	const cpu = process.cpuUsage(cpu0);
	agent.destroy();
	return {
		requests: latencies.length,
		seconds: elapsed,
		bytes,
		latencies,
		errors,
		clientCpuMs: (cpu.user + cpu.system) / 1000,
		serverCpuMs: server ? cpuMsOf(server.pid) - server0 : NaN
	};
}
