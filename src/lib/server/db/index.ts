/**
 * The one module that knows which PostgreSQL driver runs: `pg` against a real server when
 * `DATABASE_URL` is set, otherwise an embedded, file-backed PGlite under `DATA_DIR`.
 * Everything else receives a `Kysely<DB>` and never asks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './types';
import { ConfigurationError } from '../errors';
import { log } from '../platform/log';

export type Database = Kysely<DB>;

export interface DbOptions {
	/** A postgres:// URL. When absent, PGlite is used. */
	databaseUrl?: string;
	/** PGlite data directory, or `memory://` for a throw-away database (tests). */
	dataDir?: string;
	/** Pool size for `pg`. */
	poolSize?: number;
	/** PGlite: start a new data directory from this backup (a `dumpDataDir` tarball). */
	loadDataDir?: Blob;
}

// Ids, counts and sums come back as int8/numeric; both drivers hand them to the app as numbers.
// Dates (no time) stay 'YYYY-MM-DD' strings so no time zone shifts a visit date.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

const toNumber = (value: string) => (value === null ? null : Number(value));
const asIs = (value: string) => value;

async function createPgDialect(databaseUrl: string, poolSize: number) {
	const pg = await import('pg');
	const { Pool, types } = pg.default ?? pg;
	const pool = new Pool({
		connectionString: databaseUrl,
		max: poolSize,
		types: {
			getTypeParser: ((oid: number, format?: string) => {
				if (oid === INT8 || oid === NUMERIC) return toNumber;
				if (oid === DATE) return asIs;
				return types.getTypeParser(oid, format as 'text');
			}) as typeof types.getTypeParser
		}
	});
	// An idle connection dropped by the server (restart, failover) must not crash the process;
	// the pool replaces it on the next query.
	pool.on('error', (e: Error & { code?: string }) => {
		if (e.code !== '57P01') log.warn({ code: e.code }, `PostgreSQL connection error: ${e.message}`);
	});
	return { dialect: new PostgresDialect({ pool }), close: () => pool.end() };
}

async function createPgliteDialect(dataDir: string, loadDataDir?: Blob) {
	const [{ PGlite }, { PGliteDialect }, { unaccent }, { pg_trgm }] = await Promise.all([
		import('@electric-sql/pglite'),
		import('kysely-pglite-dialect'),
		import('@electric-sql/pglite/contrib/unaccent'),
		import('@electric-sql/pglite/contrib/pg_trgm')
	]);
	const release = dataDir.startsWith('memory://') ? () => {} : await acquireDataDirLock(dataDir);
	try {
		const client = await PGlite.create(dataDir, {
			extensions: { unaccent, pg_trgm },
			parsers: { [INT8]: toNumber, [NUMERIC]: toNumber, [DATE]: asIs },
			...pgliteMemoryOptions(PGlite),
			...(loadDataDir ? { loadDataDir } : {})
		});
		// A backup carries the lock file of the process that took it: this process holds it now.
		if (loadDataDir && !dataDir.startsWith('memory://')) writeLock(dataDir);
		return {
			dialect: new PGliteDialect(client),
			// PGlite's own dump, taken inside the process that owns the files: consistent while the
			// app keeps writing (a copy of DATA_DIR taken meanwhile is not).
			dump: () => client.dumpDataDir('gzip') as Promise<Blob>,
			// Kysely's destroy() already closes the client through the dialect.
			close: async () => {
				if (!client.closed) await client.close();
				release();
			}
		};
	} catch (e) {
		release();
		throw e;
	}
}

const lockName = 'kommunkompassen.lock';
/** The lock files this process holds, to mark them when it starts stopping. */
const heldLocks = new Set<string>();

function writeLock(dataDir: string) {
	writeFileSync(join(dataDir, lockName), String(process.pid));
}

/**
 * A lock file: the holder's pid on the first line; once the holder has begun to stop, a second
 * line `stopping until <ISO time>` (the latest it will have released the directory).
 */
function readLock(file: string): { pid: number; stoppingUntil: Date | null } {
	const [first = '', second = ''] = readFileSync(file, 'utf8').split('\n');
	const until = /^stopping until (\S+)/.exec(second.trim())?.[1];
	return { pid: Number(first.trim()), stoppingUntil: until ? new Date(until) : null };
}

/**
 * Marks the data directories this process holds as being released by `until`, so that a start
 * meanwhile is told that the previous server is still stopping and for how long at most.
 */
export function announceStopping(until: Date): void {
	for (const file of heldLocks) {
		try {
			writeFileSync(file, `${process.pid}\nstopping until ${until.toISOString()}\n`);
		} catch {
			/* the directory is gone: nothing to announce */
		}
	}
}

/** The live process holding a PGlite data directory, or null when none does. */
export function dataDirHolder(dataDir: string): number | null {
	try {
		const holder = readLock(join(dataDir, lockName)).pid;
		return holder && holder !== process.pid && isAlive(holder) ? holder : null;
	} catch {
		return null;
	}
}

/**
 * PGlite is single-process: two processes on one data directory corrupt it. A lock file with
 * the holder's pid refuses the second opener; a lock left by a dead process is taken over.
 */
async function acquireDataDirLock(dataDir: string): Promise<() => void> {
	const fs = await import('node:fs');
	const path = await import('node:path');
	try {
		fs.mkdirSync(dataDir, { recursive: true });
		fs.accessSync(dataDir, fs.constants.W_OK);
	} catch (e) {
		throw new ConfigurationError(
			`Cannot write to DATA_DIR ${path.resolve(dataDir)}: ${(e as Error).message}`
		);
	}
	const lockFile = path.join(dataDir, lockName);
	const tryCreate = () => {
		fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
	};
	try {
		tryCreate();
	} catch {
		const { pid: holder, stoppingUntil } = readLock(lockFile);
		if (holder && holder !== process.pid && isAlive(holder)) {
			if (stoppingUntil) {
				const seconds = Math.max(1, Math.ceil((stoppingUntil.getTime() - Date.now()) / 1000));
				throw new ConfigurationError(
					`The previous server (pid ${holder}) is still stopping: it finishes its running ` +
						`requests and releases the database in ${path.resolve(dataDir)} within ${seconds} s ` +
						`at most. Start again once it has exited.`
				);
			}
			throw new ConfigurationError(
				`The database in ${path.resolve(dataDir)} is in use by another process (pid ${holder}). ` +
					`Stop it first (PGlite allows one process per data directory), or set DATABASE_URL.`
			);
		}
		fs.rmSync(lockFile, { force: true });
		tryCreate();
	}
	heldLocks.add(lockFile);
	let released = false;
	const release = () => {
		if (released) return;
		released = true;
		heldLocks.delete(lockFile);
		try {
			// Only the first line is the holder: a stopping server adds `stopping until …` below it.
			if (readLock(lockFile).pid === process.pid) fs.rmSync(lockFile);
		} catch {
			/* already gone */
		}
	};
	process.once('exit', release);
	return release;
}

function isAlive(pid: number) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export interface OpenedDatabase {
	db: Database;
	driver: 'pg' | 'pglite';
	close: () => Promise<void>;
	/** PGlite only: a gzipped tarball of the data directory, consistent while running. */
	dump?: () => Promise<Blob>;
}

/** Opens a database; the caller owns it and must `close()` it. */
export async function openDatabase(options: DbOptions): Promise<OpenedDatabase> {
	if (options.databaseUrl) {
		const { dialect } = await createPgDialect(options.databaseUrl, options.poolSize ?? 10);
		const db = new Kysely<DB>({ dialect });
		try {
			await db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
		} catch (e) {
			await db.destroy();
			throw new ConfigurationError(
				`Cannot connect to DATABASE_URL (${redactUrl(options.databaseUrl)}): ${(e as Error).message}`
			);
		}
		return { db, driver: 'pg', close: () => db.destroy().then(() => undefined) };
	}
	const { dialect, close, dump } = await createPgliteDialect(
		options.dataDir ?? './data',
		options.loadDataDir
	);
	const db = new Kysely<DB>({ dialect });
	return {
		db,
		driver: 'pglite',
		dump,
		close: async () => {
			await db.destroy();
			await close();
		}
	};
}

function redactUrl(url: string) {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'unparseable URL';
	}
}

/**
 * PGlite's memory: PostgreSQL's buffers live inside PGlite's WASM heap, which starts at 128 MB
 * (PGlite refuses less), grows on demand and never shrinks. PostgreSQL's defaults (128 MB shared
 * buffers, 64 MB for index builds) are sized for a server of its own; the embedded database gets
 * 16 MB of each unless PGLITE_SHARED_BUFFERS / PGLITE_MAINTENANCE_WORK_MEM say otherwise. Measured
 * in the README ("Memory"): RSS at rest after a restart 375 → 268 MB.
 */
function pgliteMemoryOptions(PGlite: { defaultStartParams: readonly string[] }): {
	startParams: string[];
} {
	const sharedBuffers = process.env.PGLITE_SHARED_BUFFERS || '16MB';
	const maintenanceWorkMem = process.env.PGLITE_MAINTENANCE_WORK_MEM || '16MB';
	return {
		startParams: [
			...PGlite.defaultStartParams,
			'-c',
			`shared_buffers=${sharedBuffers}`,
			'-c',
			`maintenance_work_mem=${maintenanceWorkMem}`
		]
	};
}

/** The options the app and CLI use: read from the environment. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): DbOptions {
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir: env.DATA_DIR || './data',
		poolSize: env.DATABASE_POOL_SIZE ? poolSizeFrom(env.DATABASE_POOL_SIZE) : undefined
	};
}

/** DATABASE_POOL_SIZE: connections per app server, a whole number from 1 to 100. */
function poolSizeFrom(raw: string): number {
	const size = Number(raw);
	if (!Number.isInteger(size) || size < 1 || size > 100) {
		throw new ConfigurationError(
			`DATABASE_POOL_SIZE must be a whole number from 1 to 100, not "${raw}"`
		);
	}
	return size;
}

const globalKey = Symbol.for('kommunkompassen.db');
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<OpenedDatabase> };

/**
 * The app's single database, cached on globalThis so dev-server reloads do not open
 * PGlite a second time on the same directory.
 */
export function getDatabase(): Promise<OpenedDatabase> {
	const g = globalThis as GlobalWithDb;
	g[globalKey] ??= openDatabase(optionsFromEnv()).catch((e) => {
		delete g[globalKey];
		throw e;
	});
	return g[globalKey];
}
