/**
 * Migrations are found, not listed (src/lib/server/db/migrator.ts): Vite (the built server, Vitest)
 * bundles migrations/*.ts with a glob, tsx (the CLI, scripts) reads the directory. Both must find
 * every file in migrations/, under its own name, in the order the names sort (the order they run).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledMigrations, discoverMigrationFiles } from '../../src/lib/server/db/migrator';

const files = readdirSync(new URL('../../migrations/', import.meta.url))
	.filter((f) => f.endsWith('.ts'))
	.map((f) => f.replace(/\.ts$/, ''))
	.sort();

describe('migration discovery', () => {
	it('sees the migration files (so the comparisons below are not of two empty lists)', () => {
		expect(files.length).toBeGreaterThan(20);
		expect(files[0]).toBe('20261122000100_create_foundation');
	});

	it('bundles every file under Vite, named by its file, in name order', () => {
		const bundled = bundledMigrations();
		expect(bundled).toBeDefined();
		expect(Object.keys(bundled!)).toEqual(files);
	});

	it('finds every file by reading the directory (tsx), named by its file, in name order', async () => {
		const found = await discoverMigrationFiles();
		expect(Object.keys(found)).toEqual(files);
	});

	it('gives each name the module of that file (up, and down where it has one)', async () => {
		const bundled = bundledMigrations()!;
		const found = await discoverMigrationFiles();
		for (const name of files) {
			const module = await import(`../../migrations/${name}.ts`);
			expect(bundled[name].up).toBe(module.up);
			expect(found[name].up).toBe(module.up);
			expect(found[name].down).toBe(module.down);
		}
	});
});
