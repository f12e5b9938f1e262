/**
 * The lean save path (issue 18, item 5): the scope brings the user's own sheet, and a save on a
 * known sheet is one statement carrying its audit row — with the same refusals as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { declareNoConflict } from '../../src/lib/server/evaluations/evaluations';
import { saveSheetScore, submitSheet } from '../../src/lib/server/scoring/scores';
import { findEvaluationScope } from '../../src/lib/server/evaluations/scope';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { StaleWriteError } from '../../src/lib/server/db/versioned';
import type { Rubric } from '../../src/lib/domain/rubric';
import type { SessionUser } from '../../src/lib/server/auth/types';
import type { Database } from '../../src/lib/server/db';

let t: TestDatabase;
let rubric: Rubric;
let a: SessionUser;
let b: SessionUser;
let evaluationId: number;

beforeAll(async () => {
	t = await createTestDatabase();
	rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
	a = await createUser(t.db, { role: 'evaluator' });
	b = await createUser(t.db, { role: 'evaluator' });
	evaluationId = await createTestEvaluation(t.db, {
		municipalityCode: '0114',
		year: 2033,
		rubricId: rubric.id,
		teamUserIds: [a.id, b.id]
	});
	await declareNoConflict(t.db, a, evaluationId);
	await declareNoConflict(t.db, b, evaluationId);
	await t.db
		.updateTable('evaluation')
		.set({ status: 'poangsattning' })
		.where('id', '=', evaluationId)
		.execute();
});
afterAll(async () => {
	await t?.close();
});

/** The database as seen through a counter of the statements sent to it. */
function counting(db: Database) {
	const counter = { statements: 0 };
	const plugin: KyselyPlugin = {
		transformQuery: (args) => {
			counter.statements++;
			return args.node;
		},
		transformResult: async (args) => args.result
	};
	return { db: db.withPlugin(plugin), counter };
}

const auditRows = (entityId: string) =>
	t.db
		.selectFrom('audit_log')
		.select(['action', 'before', 'after', 'actor_id', 'actor_label', 'evaluation_id'])
		.where('entity', '=', 'sheet_score')
		.where('entity_id', '=', entityId)
		.orderBy('id')
		.execute();

describe('the save path', () => {
	it('brings the own sheet with the scope only when asked, null before the first save', async () => {
		const plain = await findEvaluationScope(t.db, evaluationId);
		expect(plain).toBeDefined();
		expect(plain!).not.toHaveProperty('ownSheet');
		expect((await findEvaluationScope(t.db, evaluationId, a.id))!.ownSheet).toBeNull();
	});

	it('saves on a known sheet in one statement with its audit row, and refuses a stale save', async () => {
		await saveSheetScore(t.db, a, rubric, evaluationId, {
			subareaId: '1.1',
			points: 1,
			justification: 'Första',
			expectedVersion: 0
		});
		const sheet = (await findEvaluationScope(t.db, evaluationId, a.id))!.ownSheet!;
		expect(sheet).toMatchObject({ submitted: false });

		const { db, counter } = counting(t.db);
		const input = { subareaId: '1.1', points: 2, justification: 'Andra', expectedVersion: 1 };
		expect(await saveSheetScore(db, a, rubric, evaluationId, input, sheet)).toBe(2);
		expect(counter.statements).toBe(1);
		// A first save of another subarea is one statement too.
		counter.statements = 0;
		const first = { subareaId: '1.2', points: 0, justification: '', expectedVersion: 0 };
		expect(await saveSheetScore(db, a, rubric, evaluationId, first, sheet)).toBe(1);
		expect(counter.statements).toBe(1);

		const entityId = `${sheet.id}:1.1`;
		expect(await auditRows(entityId)).toEqual([
			{
				action: 'update',
				before: null,
				after: { points: 1, justification: 'Första' },
				actor_id: a.id,
				actor_label: a.email,
				evaluation_id: evaluationId
			},
			{
				action: 'update',
				before: { points: 1, justification: 'Första' },
				after: { points: 2, justification: 'Andra' },
				actor_id: a.id,
				actor_label: a.email,
				evaluation_id: evaluationId
			}
		]);

		// The same version again is stale: refused with the saved row, nothing written.
		const stale = await saveSheetScore(db, a, rubric, evaluationId, input, sheet).catch((e) => e);
		expect(stale).toBeInstanceOf(StaleWriteError);
		expect((stale as StaleWriteError).current).toMatchObject({
			points: 2,
			justification: 'Andra',
			row_version: 2
		});
		// A first save of a subarea someone already saved is stale too.
		const again = await saveSheetScore(db, a, rubric, evaluationId, first, sheet).catch((e) => e);
		expect(again).toBeInstanceOf(StaleWriteError);
		expect(await auditRows(entityId)).toHaveLength(2);
		expect(await auditRows(`${sheet.id}:1.2`)).toHaveLength(1);
		const row = await t.db
			.selectFrom('sheet_score')
			.select(['points', 'justification', 'row_version'])
			.where('sheet_id', '=', sheet.id)
			.where('subarea_id', '=', '1.1')
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ points: 2, justification: 'Andra', row_version: 2 });
	});

	it('refuses a save on a submitted sheet that the scope reports as submitted', async () => {
		for (const s of rubric.areas.flatMap((x) => x.subareas))
			await saveSheetScore(t.db, b, rubric, evaluationId, {
				subareaId: s.id,
				points: 0,
				justification: 'B',
				expectedVersion: 0
			});
		await submitSheet(t.db, b, rubric, evaluationId);
		const sheet = (await findEvaluationScope(t.db, evaluationId, b.id))!.ownSheet!;
		expect(sheet.submitted).toBe(true);
		await expect(
			saveSheetScore(
				t.db,
				b,
				rubric,
				evaluationId,
				{ subareaId: '1.1', points: 1, justification: 'sent', expectedVersion: 1 },
				sheet
			)
		).rejects.toThrow('ws.errors.sheetSubmitted');
	});
});
