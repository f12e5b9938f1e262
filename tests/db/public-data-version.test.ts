/**
 * The public data version (issue 16, item 4): the number behind the public pages' ETag and page
 * cache changes with everything those pages show, in the same transaction, and not with the
 * workspace's busy writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { declareNoConflict } from '../../src/lib/server/evaluations/evaluations';
import { saveSheetScore } from '../../src/lib/server/scoring/scores';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const version = async () =>
	Number(
		(await t.db.selectFrom('public_data_version').select('version').executeTakeFirstOrThrow())
			.version
	);

describe('the public data version', () => {
	it('changes with published results and municipality data, only when committed', async () => {
		const before = await version();
		await t.db
			.updateTable('published_result')
			.set({ errata_reason: null })
			.where('municipality_code', '=', '1883')
			.execute();
		const afterResult = await version();
		expect(afterResult).toBeGreaterThan(before);

		await t.db
			.transaction()
			.execute(async (trx) => {
				await trx
					.updateTable('municipality')
					.set({ name: 'Ändrad' })
					.where('code', '=', '1883')
					.execute();
				throw new Error('rolled back');
			})
			.catch(() => {});
		expect(await version()).toBe(afterResult);
		await t.db
			.updateTable('municipality')
			.set({ name: 'Karlskoga' })
			.where('code', '=', '1883')
			.execute();
		expect(await version()).toBeGreaterThan(afterResult);
	});

	it('does not change when an evaluator saves a blind score', async () => {
		const rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
		const a = await createUser(t.db, { role: 'evaluator' });
		const id = await createTestEvaluation(t.db, {
			municipalityCode: '0115',
			year: 2034,
			rubricId: rubric.id,
			teamUserIds: [a.id]
		});
		await declareNoConflict(t.db, a, id);
		await t.db
			.updateTable('evaluation')
			.set({ status: 'poangsattning' })
			.where('id', '=', id)
			.execute();
		const before = await version();
		await saveSheetScore(t.db, a, rubric, id, {
			subareaId: '1.1',
			points: 1,
			justification: 'Motivering',
			expectedVersion: 0
		});
		expect(await version()).toBe(before);
	});
});
