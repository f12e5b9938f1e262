/**
 * Backups: PGlite's own dump restored into an empty directory (the CLI's backup/restore), and
 * on PostgreSQL the README's pg_dump -Fc / pg_restore commands. Either way everything comes
 * back: every table's rows, the documents' bytes, the append-only audit trigger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createTestDatabase, testDriver, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { openDatabase, type Database } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/platform/app';
import { backupDataDir, dumpDatabase, restoreDataDir } from '../../src/lib/server/platform/backup';
import { addDocument } from '../../src/lib/server/documents/documents';
import { extractStoredDocument } from '../../src/lib/server/jobs/extraction';
import { systemActor } from '../../src/lib/server/accounts/audit';

/** Row count of every table, and a digest of the documents' bytes. */
async function snapshot(db: Database) {
	const tables = await sql<{ name: string }>`
		SELECT table_name AS name FROM information_schema.tables
		WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
	const counts: Record<string, number> = {};
	for (const { name } of tables.rows) {
		const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db);
		counts[name] = Number(r.rows[0].n);
	}
	const documents = await db
		.selectFrom('source_document')
		.select(['id', 'sha256', 'status', sql<string>`md5(content)`.as('md5')])
		.orderBy('id')
		.execute();
	return { counts, documents };
}

async function expectAuditTriggerHolds(db: Database) {
	await expect(sql`UPDATE audit_log SET action = 'changed'`.execute(db)).rejects.toThrow();
}

/** Adds what a backup must carry beyond the demo data: a user and an extracted document. */
async function addContent(db: Database) {
	await createUser(db, { role: 'evaluator', email: 'backup-check@test.se' });
	const evaluation = await db
		.selectFrom('evaluation')
		.select('id')
		.orderBy('id')
		.executeTakeFirstOrThrow();
	const id = await addDocument(db, systemActor, evaluation.id, {
		fileName: 'styrmodell.txt',
		bytes: new TextEncoder().encode('Styrmodell för förvaltningen.\n\nMål och budget.')
	});
	await extractStoredDocument(db, id);
}

describe.runIf(testDriver() === 'pglite')('PGlite backup and restore', () => {
	const root = mkdtempSync(join(tmpdir(), 'kk-backup-'));
	const source = join(root, 'data');
	const backupFile = join(root, 'backup.tar.gz');
	let before: Awaited<ReturnType<typeof snapshot>>;

	beforeAll(async () => {
		const opened = await openDatabase({ dataDir: source });
		await prepareDatabase(opened.db, { demo: true });
		await addContent(opened.db);
		before = await snapshot(opened.db);
		// Taken from the open database, as the running server does for the admin download.
		writeFileSync(backupFile, await dumpDatabase(opened));
		await opened.close();
	}, 120_000);
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('restores into an empty directory with every row, document and the audit trigger', async () => {
		const target = join(root, 'restored');
		const summary = await restoreDataDir(backupFile, target);
		expect(summary.documents).toBe(before.counts.source_document);
		expect(summary.previous).toBeNull();
		const opened = await openDatabase({ dataDir: target });
		try {
			expect(await snapshot(opened.db)).toEqual(before);
			expect(before.counts.app_user).toBeGreaterThan(0);
			expect(before.counts.evaluation).toBeGreaterThan(0);
			expect(before.counts.document_page).toBeGreaterThan(0);
			await expectAuditTriggerHolds(opened.db);
		} finally {
			await opened.close();
		}
		// The lock file inside the tarball (the dumping process's) is not left behind.
		expect(existsSync(join(target, 'kommunkompassen.lock'))).toBe(false);
	});

	it('refuses a directory that is not empty, and with --force keeps the old one aside', async () => {
		const target = join(root, 'occupied');
		await restoreDataDir(backupFile, target);
		await expect(restoreDataDir(backupFile, target)).rejects.toThrow(/not empty.*--force/);
		const summary = await restoreDataDir(backupFile, target, { force: true });
		expect(summary.previous).toMatch(/occupied\.before-restore-/);
		expect(existsSync(join(summary.previous!, 'PG_VERSION'))).toBe(true);
		expect(existsSync(join(target, 'PG_VERSION'))).toBe(true);
	});

	it('backs up a stopped data directory, and refuses one a running process holds', async () => {
		const copy = await backupDataDir(source);
		expect(copy.length).toBeGreaterThan(1000);
		// The parent process (the test runner) is alive: as if a server held the directory.
		writeFileSync(join(source, 'kommunkompassen.lock'), String(process.ppid));
		await expect(backupDataDir(source)).rejects.toThrow(
			new RegExp(`in use by a running server \\(pid ${process.ppid}\\).*stop the server`)
		);
		await expect(restoreDataDir(backupFile, source, { force: true })).rejects.toThrow(
			/in use by a running server/
		);
		rmSync(join(source, 'kommunkompassen.lock'));
	});

	it('names what is wrong with a tampered archive (never "undefined")', async () => {
		const tar = gunzipSync(readFileSync(backupFile));
		// A gzip of a tar that still names PG_VERSION, but whose middle half is overwritten.
		const middle = Math.floor(tar.length / 2);
		tar.fill(0xa5, Math.floor(tar.length / 4), middle + Math.floor(tar.length / 4));
		const tampered = join(root, 'tampered.tar.gz');
		writeFileSync(tampered, gzipSync(tar));
		const target = join(root, 'after-tampered');
		const refusal = await restoreDataDir(tampered, target).then(
			() => null,
			(e: Error) => e.message
		);
		expect(refusal).toMatch(/not a readable backup/);
		expect(refusal).not.toMatch(/undefined|\[object/);
		expect(readdirSync(root).filter((f) => f.includes('restoring'))).toEqual([]);
	});

	it('leaves the target untouched when the file is not a backup', async () => {
		const junk = join(root, 'junk.tar.gz');
		writeFileSync(junk, 'not a backup');
		const target = join(root, 'untouched');
		await expect(restoreDataDir(junk, target)).rejects.toThrow(/not a readable backup/);
		expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
		expect(readdirSync(root).filter((f) => f.includes('restoring'))).toEqual([]);
	});
});

/** The README's commands, run as written (pg_dump of the installed PostgreSQL). */
function pgTool(name: string): string | null {
	const dirs = existsSync('/usr/lib/postgresql')
		? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
		: [];
	for (const v of dirs) {
		const path = `/usr/lib/postgresql/${v}/bin/${name}`;
		if (existsSync(path)) return path;
	}
	return spawnSync(name, ['--version']).status === 0 ? name : null;
}

describe.runIf(testDriver() === 'postgres')('PostgreSQL: pg_dump -Fc and pg_restore', () => {
	let t: TestDatabase;
	let target: string;
	const root = mkdtempSync(join(tmpdir(), 'kk-pgdump-'));
	beforeAll(async () => {
		t = await createTestDatabase({ demo: true });
		await addContent(t.db);
	}, 120_000);
	afterAll(async () => {
		if (target) await sql.raw(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`).execute(t.db);
		await t?.close();
		rmSync(root, { recursive: true, force: true });
	});

	it('round-trips every table, the documents and the audit trigger', async () => {
		const pgDump = pgTool('pg_dump');
		const pgRestore = pgTool('pg_restore');
		expect(pgDump && pgRestore, 'pg_dump and pg_restore are installed').toBeTruthy();
		const name = (await sql<{ name: string }>`SELECT current_database() AS name`.execute(t.db))
			.rows[0].name;
		const base = new URL(process.env.TEST_DATABASE_URL!);
		const url = (db: string) => Object.assign(new URL(base), { pathname: `/${db}` }).toString();
		const file = join(root, 'kommunkompassen.dump');

		const dump = spawnSync(pgDump!, ['-Fc', '--no-owner', '-f', file, url(name)], {
			encoding: 'utf8'
		});
		expect(dump.stderr).toBe('');
		expect(dump.status).toBe(0);

		target = `${name}_restored`;
		await sql.raw(`CREATE DATABASE ${target}`).execute(t.db);
		const restore = spawnSync(
			pgRestore!,
			['--no-owner', '--exit-on-error', '-d', url(target), file],
			{ encoding: 'utf8' }
		);
		expect(restore.stderr).toBe('');
		expect(restore.status).toBe(0);

		const restored = await openDatabase({ databaseUrl: url(target), poolSize: 1 });
		try {
			expect(await snapshot(restored.db)).toEqual(await snapshot(t.db));
			await expectAuditTriggerHolds(restored.db);
		} finally {
			await restored.close();
		}
	});
});
