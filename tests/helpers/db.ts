/**
 * A fresh, migrated database per test file: PGlite in memory, or (project db:postgres) a new
 * database on the real server named by TEST_DATABASE_URL, dropped afterwards. Both start as a
 * copy of a database migrated and seeded once for the run (tests/db-templates.ts); without
 * those (a helper used outside the DB projects) they are migrated and seeded here.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { openDatabase, type Database, type OpenedDatabase } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/platform/app';

export type TestDriver = 'pglite' | 'postgres';

export function testDriver(): TestDriver {
	return process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'pglite';
}

export interface TestDatabase {
	db: Database;
	driver: TestDriver;
	close: () => Promise<void>;
}

/** Opens an empty database with migrations, rubrics and the register; `demo` adds the demo data. */
export async function createTestDatabase(options: { demo?: boolean } = {}): Promise<TestDatabase> {
	const driver = testDriver();
	const demo = options.demo ?? false;
	let opened: OpenedDatabase;
	let prepared: boolean;
	let dropDatabase = async () => {};
	if (driver === 'postgres') {
		const baseUrl = process.env.TEST_DATABASE_URL;
		if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
		const name = `kk_test_${randomBytes(6).toString('hex')}`;
		const admin = await openDatabase({ databaseUrl: baseUrl, poolSize: 1 });
		const { sql } = await import('kysely');
		const template = inject('postgresTemplates')?.[demo ? 'demo' : 'plain'];
		await sql
			.raw(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
			.execute(admin.db);
		prepared = Boolean(template);
		const url = new URL(baseUrl);
		url.pathname = `/${name}`;
		opened = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
		dropDatabase = async () => {
			await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.db);
			await admin.close();
		};
	} else {
		const templates = inject('pgliteTemplates');
		const loadDataDir = templates
			? new Blob([readFileSync(join(templates, demo ? 'demo.tar.gz' : 'plain.tar.gz'))])
			: undefined;
		opened = await openDatabase({ dataDir: 'memory://', loadDataDir });
		prepared = Boolean(loadDataDir);
	}
	if (!prepared) await prepareDatabase(opened.db, { demo });
	return {
		db: opened.db,
		driver,
		close: async () => {
			await opened.close();
			await dropDatabase();
		}
	};
}
