/**
 * The embedded default's memory (issue 32, item 4): the built server on a new PGlite directory
 * with the demo data (`npm start`'s first start), then restarted on it. RSS is read from
 * /proc/PID/status after the home page and a municipality page and 15 s at rest; VmHWM is the peak.
 * Target: ≤ 300 MB at rest after a first start as after a restart. BENCH_BUILD=<dir> measures
 * another build (an earlier one, for before/after).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const atRestMs = Number(process.env.BENCH_REST_S ?? 15) * 1000;

function memoryOf(pid: number): { rss: number; peak: number } {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
	return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function startOnce(dataDir: string, port: number) {
	const build = process.env.BENCH_BUILD ?? 'build';
	const env: NodeJS.ProcessEnv = {
		...process.env,
		DATA_DIR: dataDir,
		PORT: String(port),
		ORIGIN: `http://localhost:${port}`,
		DEMO_DATA: 'true'
	};
	delete env.DATABASE_URL;
	const started = performance.now();
	const server = spawn(process.execPath, [join(build, 'index.js')], { env, stdio: 'ignore' });
	const origin = `http://localhost:${port}`;
	for (;;) {
		try {
			if ((await fetch(`${origin}/api/v1/ping`)).ok) break;
		} catch {
			/* not yet */
		}
		if (server.exitCode !== null) throw new Error('the server exited');
		await new Promise((r) => setTimeout(r, 100));
	}
	const ready = (performance.now() - started) / 1000;
	for (const path of ['/', '/kommuner/1883']) await (await fetch(`${origin}${path}`)).arrayBuffer();
	await new Promise((r) => setTimeout(r, atRestMs));
	const memory = memoryOf(server.pid!);
	server.kill('SIGTERM');
	await new Promise((r) => server.once('exit', r));
	return { ready, ...memory };
}

export async function run(): Promise<string[]> {
	const dataDir = mkdtempSync(join(tmpdir(), 'kk-first-start-'));
	try {
		const first = await startOnce(dataDir, 4490);
		const again = await startOnce(dataDir, 4490);
		const line = (label: string, m: typeof first) =>
			`${label}: answering after ${m.ready.toFixed(1)} s; RSS at rest ${m.rss.toFixed(0)} MB, peak ${m.peak.toFixed(0)} MB`;
		const met = first.rss <= 300 && again.rss <= 300 ? 'met' : 'NOT met';
		return [
			`build: ${process.env.BENCH_BUILD ?? 'build'}; ${atRestMs / 1000} s at rest`,
			line('first start, new directory with the demo data', first),
			line('restart on the same directory', again),
			`target ≤ 300 MB at rest after both: ${met}`
		];
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
}
