/**
 * Vitest's globalSetup for the DB tests: migrates and seeds a PGlite database once (without and
 * with the demo data) and keeps its dump, so each test file starts from a copy of it instead of
 * initialising PGlite and running the migrations and the seed again. On PostgreSQL the same is
 * done with template databases (CREATE DATABASE … TEMPLATE). tests/helpers/db.ts uses them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/lib/server/db';
import { prepareDatabase } from '../src/lib/server/platform/app';

declare module 'vitest' {
	export interface ProvidedContext {
		/** PGlite: the directory holding plain.tar.gz and demo.tar.gz. */
		pgliteTemplates: string;
		/** PostgreSQL: the template databases' names (empty when TEST_DATABASE_URL is unset). */
		postgresTemplates: { plain: string; demo: string } | null;
	}
}

export default async function setup(project: TestProject) {
	const driver = project.config.env?.TEST_DB_DRIVER;
	if (driver === 'postgres') {
		const templates = await postgresTemplates();
		project.provide('postgresTemplates', templates.names);
		return templates.drop;
	}
	const dir = mkdtempSync(join(tmpdir(), 'kk-db-templates-'));
	for (const demo of [false, true]) {
		const opened = await openDatabase({ dataDir: 'memory://' });
		await prepareDatabase(opened.db, { demo });
		const dump = await opened.dump!();
		writeFileSync(
			join(dir, demo ? 'demo.tar.gz' : 'plain.tar.gz'),
			Buffer.from(await dump.arrayBuffer())
		);
		await opened.close();
	}
	project.provide('pgliteTemplates', dir);
	return () => rmSync(dir, { recursive: true, force: true });
}

async function postgresTemplates() {
	const baseUrl = process.env.TEST_DATABASE_URL;
	if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
	const { sql } = await import('kysely');
	const suffix = `${process.pid}_${Date.now().toString(36)}`;
	const names = { plain: `kk_template_plain_${suffix}`, demo: `kk_template_demo_${suffix}` };
	const admin = await openDatabase({ databaseUrl: baseUrl, poolSize: 1 });
	for (const [kind, name] of Object.entries(names)) {
		await sql.raw(`CREATE DATABASE ${name}`).execute(admin.db);
		const url = new URL(baseUrl);
		url.pathname = `/${name}`;
		const opened = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
		await prepareDatabase(opened.db, { demo: kind === 'demo' });
		await opened.close();
	}
	return {
		names,
		drop: async () => {
			for (const name of Object.values(names))
				await sql.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).execute(admin.db);
			await admin.close();
		}
	};
}
