/**
 * Backups of the embedded database (PGlite): PGlite's own dump of the data directory, a gzipped
 * tarball taken inside the process that owns the files, so it is consistent while the app
 * writes. On PostgreSQL, pg_dump and pg_restore do this job (README, "Backups").
 */
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract } from 'tar-stream';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigurationError } from '../errors';
import { dataDirHolder, openDatabase, type OpenedDatabase } from '../db';
import { prepareDatabase } from './app';
import { countRecords, type RecordCounts } from './record-counts';

/** A backup's file name: the date and time it was taken. */
export function backupFileName(now = new Date()): string {
	return `kommunkompassen-${now.toISOString().slice(0, 16).replace(/[:T]/g, '-')}.tar.gz`;
}

/** The running database's dump; refuses on PostgreSQL, which pg_dump backs up. */
export async function dumpDatabase(opened: OpenedDatabase): Promise<Uint8Array<ArrayBuffer>> {
	if (!opened.dump) {
		throw new ConfigurationError(
			'This app runs on PostgreSQL (DATABASE_URL): back it up with pg_dump -Fc (see the README).'
		);
	}
	return new Uint8Array(await (await opened.dump()).arrayBuffer());
}

function refuseIfHeld(dataDir: string, doing: string) {
	const holder = dataDirHolder(dataDir);
	if (holder) {
		throw new ConfigurationError(
			`The database in ${resolve(dataDir)} is in use by a running server (pid ${holder}). ` +
				`${doing} To back up while it runs, download a backup as a coordinator ` +
				`(Administration → Säkerhetskopia); otherwise stop the server first.`
		);
	}
}

/** A backup of a stopped server's data directory (the CLI's `backup`). */
export async function backupDataDir(dataDir: string): Promise<Uint8Array<ArrayBuffer>> {
	refuseIfHeld(dataDir, 'Copying its files now would not be consistent.');
	if (!existsSync(join(dataDir, 'PG_VERSION'))) {
		throw new ConfigurationError(`${resolve(dataDir)} holds no database to back up.`);
	}
	const opened = await openDatabase({ dataDir });
	try {
		return await dumpDatabase(opened);
	} finally {
		await opened.close();
	}
}

export interface RestoreSummary extends RecordCounts {
	/** Where the previous data directory was kept (with --force). */
	previous: string | null;
}

/**
 * Restores a backup into `dataDir`: only an empty or missing directory, unless `force`, which
 * keeps the previous directory beside it (`…before-restore-<time>`) rather than deleting it.
 * The backup is unpacked into a new directory, opened and migrated first, so a broken file
 * leaves `dataDir` as it was.
 */
export async function restoreDataDir(
	file: string,
	dataDir: string,
	options: { force?: boolean } = {}
): Promise<RestoreSummary> {
	refuseIfHeld(dataDir, 'Restoring into it now would corrupt it.');
	const target = resolve(dataDir);
	const occupied = existsSync(target) && readdirSync(target).length > 0;
	if (occupied && !options.force) {
		throw new ConfigurationError(
			`${target} is not empty. Restore into an empty or new directory (DATA_DIR), ` +
				`or add --force to replace it (the current one is kept beside it).`
		);
	}
	const bytes = await readFile(file);
	// Checked here, before PGlite unpacks it: a bad file must give a message, not a stray error.
	let tar: Buffer;
	try {
		tar = gunzipSync(bytes);
	} catch {
		throw new ConfigurationError(`${file} is not a readable backup (not a gzip file).`);
	}
	const damage = await tarDamage(tar);
	if (damage) throw new ConfigurationError(`${file} is not a readable backup (${damage}).`);
	const staging = join(dirname(target), `.${basename(target)}.restoring-${process.pid}`);
	rmSync(staging, { recursive: true, force: true });
	let summary: RecordCounts;
	try {
		const opened = await openDatabase({
			dataDir: staging,
			// The tar we already unpacked, not the gzip: PGlite's own gunzip (a DecompressionStream
			// whose write and close it never awaits) leaves two unhandled rejections on a bad file.
			loadDataDir: new Blob([new Uint8Array(tar)], { type: 'application/x-tar' })
		}).catch((e: unknown) => {
			throw new ConfigurationError(`${file} is not a readable backup: ${whyUnreadable(e)}`);
		});
		try {
			// A backup from an older version is brought up to this one's schema now.
			await prepareDatabase(opened.db, { demo: false });
			summary = await countRecords(opened.db);
		} finally {
			await opened.close();
		}
	} catch (e) {
		rmSync(staging, { recursive: true, force: true });
		// A damaged archive may load and then fail while it is migrated or counted.
		if (e instanceof ConfigurationError) throw e;
		throw new ConfigurationError(`${file} is not a readable backup: ${whyUnreadable(e)}`);
	}
	let previous: string | null = null;
	if (occupied) {
		previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
		renameSync(target, previous);
	} else if (existsSync(target)) {
		rmSync(target, { recursive: true });
	}
	renameSync(staging, target);
	return { ...summary, previous };
}

/**
 * Why the unpacked tar cannot be a data directory, or null. Read here in full because PGlite,
 * given a damaged tar, retries it as gzip with a DecompressionStream whose write and close it
 * never awaits: the file is refused, but two unhandled rejections are left behind.
 */
async function tarDamage(tar: Buffer): Promise<string | null> {
	const names: string[] = [];
	const entries = extract();
	entries.on('entry', (header, stream, next) => {
		names.push(header.name);
		stream.on('end', next);
		stream.resume();
	});
	try {
		await pipeline(Readable.from([tar]), entries);
	} catch {
		return 'its tar archive is damaged';
	}
	return names.some((name) => name.split('/').at(-1) === 'PG_VERSION')
		? null
		: 'no database inside';
}

/**
 * What PGlite said about an archive it could not load. It does not always throw an Error: a
 * damaged archive can end in a bare WASM exit status or a string, whose `.message` is undefined.
 */
function whyUnreadable(e: unknown): string {
	const message = (e as { message?: unknown } | null)?.message;
	if (typeof message === 'string' && message.trim()) return message.trim();
	if (typeof e === 'string' && e.trim()) return e.trim();
	if (e && typeof e === 'object' && 'status' in e) {
		return `its database files are damaged (the database stopped with status ${String((e as { status: unknown }).status)})`;
	}
	return 'its database files are damaged';
}
