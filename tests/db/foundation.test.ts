import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { listMunicipalities } from '../../src/lib/server/register/municipalities';
import { listRubrics, syncRubrics, findRubricById } from '../../src/lib/server/register/rubrics';
import type { Rubric } from '../../src/lib/domain/rubric';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

describe('foundation schema', () => {
	it('holds the 290 municipalities, sorted Swedish-correctly', async () => {
		const all = await listMunicipalities(t.db);
		expect(all).toHaveLength(290);
		const names = all.map((m) => m.name);
		// Å, Ä, Ö sort last in Swedish, in that order.
		expect(names.indexOf('Östersund')).toBeGreaterThan(names.indexOf('Älmhult'));
		expect(names.indexOf('Älmhult')).toBeGreaterThan(names.indexOf('Åre'));
		expect(names.indexOf('Åre')).toBeGreaterThan(names.indexOf('Ystad'));
	});

	it('stores the three rubric versions, newest first', async () => {
		const rubrics = await listRubrics(t.db);
		expect(rubrics.map((r) => r.id)).toEqual([
			'kommunkompassen-2020',
			'kommunkompassen-2016',
			'kommunkompassen-2010'
		]);
	});

	it('refuses a changed rubric under a stored id and changes nothing', async () => {
		const stored = (await findRubricById(t.db, 'kommunkompassen-2020')) as Rubric;
		const changed = structuredClone(stored);
		changed.areas[0].subareas[0].maxPoints = 19;
		changed.areas[0].subareas[1].maxPoints = 11;
		await expect(syncRubrics(t.db, [changed])).rejects.toThrow(
			/Rubric "kommunkompassen-2020" differs .* publish the change as a new version/
		);
		const after = (await findRubricById(t.db, 'kommunkompassen-2020')) as Rubric;
		expect(after.areas[0].subareas[0].maxPoints).toBe(20);
	});

	it('adds a new rubric version and accepts refined keywords without a new version', async () => {
		const stored = (await findRubricById(t.db, 'kommunkompassen-2020')) as Rubric;
		const withKeywords = structuredClone(stored);
		withKeywords.areas[0].subareas[0].keywords = ['medborgardialog'];
		const next = { ...structuredClone(stored), id: 'kommunkompassen-2030', year: 2030 };
		const { added, refreshed } = await syncRubrics(t.db, [withKeywords, next]);
		expect(added).toEqual(['kommunkompassen-2030']);
		expect(refreshed).toEqual(['kommunkompassen-2020']);
		const after = (await findRubricById(t.db, 'kommunkompassen-2020')) as Rubric;
		expect(after.areas[0].subareas[0].keywords).toEqual(['medborgardialog']);
	});

	it('writes nothing at a start-up whose rubric files did not change', async () => {
		const files = await listRubrics(t.db);
		const before = await sql<{ xmin: string }>`SELECT xmin::text FROM rubric ORDER BY id`
			.execute(t.db)
			.then((r) => r.rows.map((row) => row.xmin));
		expect(await syncRubrics(t.db, structuredClone(files))).toEqual({ added: [], refreshed: [] });
		const after = await sql<{ xmin: string }>`SELECT xmin::text FROM rubric ORDER BY id`
			.execute(t.db)
			.then((r) => r.rows.map((row) => row.xmin));
		expect(after).toEqual(before);
	});

	it('reads int8, numeric and dates the same way on both drivers', async () => {
		const row = await sql<{ big: number; avg: number; day: string; at: Date }>`
			SELECT count(*) AS big, avg(x)::numeric(6,2) AS avg, DATE '2022-10-03' AS day, now() AS at
			FROM (VALUES (1), (2)) AS v(x)`
			.execute(t.db)
			.then((r) => r.rows[0]);
		expect(row.big).toBe(2);
		expect(row.avg).toBe(1.5);
		expect(row.day).toBe('2022-10-03');
		expect(row.at).toBeInstanceOf(Date);
	});

	it('finds "forvaltning" for "förvaltning" with swedish_unaccent, and the reverse', async () => {
		const match = async (text: string, query: string) =>
			sql<{
				hit: boolean;
			}>`SELECT to_tsvector('swedish_unaccent', ${text}) @@ plainto_tsquery('swedish_unaccent', ${query}) AS hit`
				.execute(t.db)
				.then((r) => r.rows[0].hit);
		expect(await match('Kommunens forvaltningar samverkar', 'förvaltning')).toBe(true);
		expect(await match('Kommunens förvaltningar samverkar', 'forvaltning')).toBe(true);
		expect(await match('Kommunens förvaltningar samverkar', 'budget')).toBe(false);
	});
});
