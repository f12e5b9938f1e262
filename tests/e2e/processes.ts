/**
 * Helpers for the operations tests: built app servers started as child processes, and a
 * throw-away PostgreSQL cluster of their own (so a test may stop it without touching the one
 * the other tests use). The cluster needs PostgreSQL's server binaries (initdb, pg_ctl).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const pgRoot = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin directory, or null (tests needing it then skip). */
export function postgresBin(): string | null {
	if (!existsSync(pgRoot)) return null;
	const versions = readdirSync(pgRoot)
		.filter((v) => existsSync(join(pgRoot, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(pgRoot, versions[0], 'bin') : null;
}

/** A free loopback port, asked of the kernel. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const port = (server.address() as { port: number }).port;
			server.close(() => resolve(port));
		});
	});
}

/** Runs a PostgreSQL tool; as root it runs as the postgres user (initdb refuses root). */
function pgTool(bin: string, args: string[]) {
	const root = process.getuid?.() === 0;
	const result = root
		? spawnSync(
				'su',
				[
					'postgres',
					'-s',
					'/bin/sh',
					'-c',
					[join(bin, args[0]), ...args.slice(1)].map(quote).join(' ')
				],
				{ encoding: 'utf8' }
			)
		: spawnSync(join(bin, args[0]), args.slice(1), { encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`${args[0]} failed: ${result.stderr || result.stdout || result.error}`);
	return result.stdout;
}
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Cluster {
	/** postgres:// URL of the `postgres` database as superuser. */
	url: (database?: string) => string;
	start: () => void;
	stop: () => void;
	destroy: () => void;
}

/** initdb + pg_ctl start in a temp directory, on a free loopback port, trust auth. */
export async function startCluster(bin: string): Promise<Cluster> {
	const dir = mkdtempSync(join(tmpdir(), 'kk-ops-pg-'));
	chmodSync(dir, 0o755);
	if (process.getuid?.() === 0) {
		const { uid, gid } = postgresUser();
		chownSync(dir, uid, gid);
	}
	const port = await freePort();
	const data = join(dir, 'data');
	pgTool(bin, [
		'initdb',
		'-D',
		data,
		'-U',
		'postgres',
		'--auth=trust',
		'-E',
		'UTF8',
		'--locale=C.UTF-8'
	]);
	const start = () =>
		pgTool(bin, [
			'pg_ctl',
			'-D',
			data,
			'-l',
			join(dir, 'log'),
			'-w',
			'-o',
			`-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`,
			'start'
		]);
	const stop = () => pgTool(bin, ['pg_ctl', '-D', data, '-m', 'fast', '-w', 'stop']);
	start();
	return {
		url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
		start,
		stop,
		destroy: () => {
			try {
				stop();
			} catch {
				/* already stopped */
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

function postgresUser(): { uid: number; gid: number } {
	const id = (flag: string) =>
		Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
	return { uid: id('-u'), gid: id('-g') };
}

export interface AppProcess {
	child: ChildProcess;
	origin: string;
	/** Everything the process printed so far. */
	output: () => string;
	/** Resolves with the exit code once the process has exited. */
	exited: Promise<number | null>;
	/** Sends a signal and waits for the exit (SIGKILL after `timeoutMs`). */
	stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<number | null>;
}

/**
 * Starts `command` (default: the built server) with the environment given and waits until
 * /api/v1/ping answers.
 */
export async function startApp(options: {
	port: number;
	env: Record<string, string>;
	command?: string[];
	timeoutMs?: number;
}): Promise<AppProcess> {
	const [cmd, ...args] = options.command ?? [process.execPath, 'build/index.js'];
	const origin = `http://localhost:${options.port}`;
	const child = spawn(cmd, args, {
		env: {
			...process.env,
			PORT: String(options.port),
			ORIGIN: origin,
			BODY_SIZE_LIMIT: '60M',
			DEMO_DATA: 'false',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000) => {
		if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
		child.kill(signal);
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		const code = await exited;
		clearTimeout(timer);
		return code;
	};
	const deadline = Date.now() + (options.timeoutMs ?? 90_000);
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${cmd} exited early:\n${output}`);
		try {
			if ((await fetch(`${origin}/api/v1/ping`)).ok) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			await stop('SIGKILL');
			throw new Error(`${cmd} did not start in time:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return { child, origin, output: () => output, exited, stop };
}

/** Whether a process id is alive. */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
