import { readdir } from 'node:fs/promises';
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';

/** Every `.ts` file in migrations/ is a migration, named by its file name without `.ts`. */
const migrationFile = /^([^/]+)\.ts$/;

/**
 * Under Vite (the built server, Vitest) the migrations are bundled by a glob, so the built server
 * never reads the source tree. `import.meta.env` is replaced statically by Vite and is undefined
 * under tsx (the CLI, the scripts), where `import.meta.glob` does not exist: the check keeps tsx
 * from calling it, and there the directory is read instead (`discoverMigrationFiles`).
 */
const bundled: Record<string, Migration> | undefined = import.meta.env
	? import.meta.glob<Migration>('../../../../migrations/*.ts', { eager: true })
	: undefined;

/** Name → module, in name order (the order they run), from `{ 'path/or/name.ts': module }`. */
function byName(modules: Record<string, Migration>): Record<string, Migration> {
	const entries = Object.entries(modules).map(([path, module]): [string, Migration] => {
		const name = migrationFile.exec(path.split('/').at(-1) ?? '')?.[1];
		if (!name || typeof module.up !== 'function') {
			throw new Error(`migrations/${path.split('/').at(-1)} is not a migration (no up()).`);
		}
		return [name, module];
	});
	entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return Object.fromEntries(entries);
}

/** The bundled migrations (Vite only; undefined under tsx). Exported for the registration test. */
export function bundledMigrations(): Record<string, Migration> | undefined {
	return bundled && byName(bundled);
}

/** The migrations read from the directory and imported one by one (how tsx finds them). */
export async function discoverMigrationFiles(): Promise<Record<string, Migration>> {
	const dir = new URL('../../../../migrations/', import.meta.url);
	const files = (await readdir(dir)).filter((file) => migrationFile.test(file));
	const modules = await Promise.all(
		files.map(
			async (file) => [file, await import(/* @vite-ignore */ new URL(file, dir).href)] as const
		)
	);
	return byName(Object.fromEntries(modules));
}

/**
 * Runs every pending migration: every file in migrations/, found without a hand-kept list (bundled
 * by Vite, read from the directory under tsx). A migration is frozen once landed; add a new file.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
	const migrations = bundledMigrations() ?? (await discoverMigrationFiles());
	const migrator = new Migrator({
		db,
		provider: { getMigrations: async () => migrations },
		migrationTableName: 'kysely_migration',
		migrationLockTableName: 'kysely_migration_lock'
	});
	const result = await migrator.migrateToLatest();
	if (result.error) {
		const failed = result.results?.find((r) => r.status === 'Error');
		const message = result.error instanceof Error ? result.error.message : String(result.error);
		throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${message}`);
	}
	return result;
}
