/**
 * The rubric is read once a minute per database, not on every request; a start-up's sync of
 * changed reading aids is seen at once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { findRubricById, syncRubrics } from '../../src/lib/server/register/rubrics';
import type { Rubric } from '../../src/lib/domain/rubric';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

it('serves the rubric from the cache and sees a synced change of its reading aids', async () => {
	const first = (await findRubricById(t.db, 'kommunkompassen-2020')) as Rubric;
	expect(first.areas).toHaveLength(8);
	// Same object: no second fetch and parse.
	expect(await findRubricById(t.db, 'kommunkompassen-2020')).toBe(first);

	const changed = structuredClone(first);
	changed.areas[0].subareas[0].guidance = 'Ny vägledning för 1.1.';
	await syncRubrics(t.db, [changed]);
	const after = (await findRubricById(t.db, 'kommunkompassen-2020')) as Rubric;
	expect(after.areas[0].subareas[0].guidance).toBe('Ny vägledning för 1.1.');
});
