/**
 * A fresh, migrated database per test file: PGlite in memory, or (project db:postgres) a new
 * database on the real server named by TEST_DATABASE_URL, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
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
	let opened: OpenedDatabase;
	let dropDatabase = async () => {};
	if (driver === 'postgres') {
		const baseUrl = process.env.TEST_DATABASE_URL;
		if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
		const name = `kk_test_${randomBytes(6).toString('hex')}`;
		const admin = await openDatabase({ databaseUrl: baseUrl, poolSize: 1 });
		const { sql } = await import('kysely');
		await sql.raw(`CREATE DATABASE ${name}`).execute(admin.db);
		const url = new URL(baseUrl);
		url.pathname = `/${name}`;
		opened = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
		dropDatabase = async () => {
			await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.db);
			await admin.close();
		};
	} else {
		opened = await openDatabase({ dataDir: 'memory://' });
	}
	await prepareDatabase(opened.db, { demo: options.demo ?? false });
	return {
		db: opened.db,
		driver,
		close: async () => {
			await opened.close();
			await dropDatabase();
		}
	};
}
