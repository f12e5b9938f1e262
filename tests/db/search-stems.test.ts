/**
 * The Swedish search finds inflected forms on both databases: "ungdomsråd" finds a page that
 * says "Ungdomsrådet" (the stemmer leaves that form alone once unaccent has run), while a short
 * word stays exact.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { buildTsQuery } from '../../src/lib/server/documents/search';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

async function finds(text: string, input: string): Promise<boolean> {
	const query = buildTsQuery(input);
	const row = await sql<{ hit: boolean }>`
		SELECT to_tsvector('swedish_unaccent', ${text}) @@ to_tsquery('swedish_unaccent', ${query}) AS hit
	`.execute(t.db);
	return row.rows[0].hit;
}

it('finds Ungdomsrådet for ungdomsråd, and keeps short words exact', async () => {
	const page = 'Ungdomsrådet träffas varje månad och lämnar förslag till Mål & budget.';
	expect(await finds(page, 'ungdomsråd')).toBe(true);
	expect(await finds(page, 'ungdomsradet')).toBe(true);
	expect(await finds(page, 'budget')).toBe(true);
	expect(await finds('Malmö stad', 'mål')).toBe(false);
	expect(await finds(page, 'pensionärsråd')).toBe(false);
});
