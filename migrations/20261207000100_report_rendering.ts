import type { Kysely } from 'kysely';

/**
 * The report caches (PDF and Word) remember which version of the renderers made each file
 * (`reportRendering` in src/lib/server/report/cache.ts). Files made before this column are
 * version 1; the renderers have changed since (table headers that run over pages stay in the
 * PDF's structure, the bar chart drawn from its component, headings kept with what follows), so
 * those files are rendered again on their next request. From here on a change to
 * the renderers bumps the constant instead of adding a migration that empties the caches.
 */
export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['report_cache', 'report_docx_cache']) {
		await db.schema
			.alterTable(table)
			.addColumn('rendering', 'integer', (c) => c.notNull().defaultTo(1))
			.execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['report_cache', 'report_docx_cache']) {
		await db.schema.alterTable(table).dropColumn('rendering').execute();
	}
}
