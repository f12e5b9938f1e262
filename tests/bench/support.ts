/** Shared benchmark plumbing: a fresh database (real PostgreSQL when available), a built server, timing. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
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

/** Starts the built server (npm run build first) on the database; resolves when it answers. */
export async function startServer(db: BenchDatabase, port: number): Promise<ChildProcess> {
	if (!existsSync('build/index.js')) throw new Error('Run `npm run build` before `npm run bench`.');
	if (!db.url) await db.opened.close(); // PGlite: one process per directory
	const env = {
		...process.env,
		PORT: String(port),
		ORIGIN: `http://localhost:${port}`,
		DEMO_DATA: 'false',
		...(db.url ? { DATABASE_URL: db.url } : { DATA_DIR: db.dataDir! })
	};
	delete (env as Record<string, string | undefined>)[db.url ? 'DATA_DIR' : 'DATABASE_URL'];
	const server = spawn(process.execPath, ['build/index.js'], { env, stdio: 'ignore' });
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
