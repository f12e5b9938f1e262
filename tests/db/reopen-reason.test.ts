import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import * as addReopenReason from '../../migrations/20261201000400_add_reopen_reason';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

async function evaluation(code: string) {
	const { id } = await t.db
		.insertInto('evaluation')
		.values({ municipality_code: code, year: 2024, rubric_id: 'kommunkompassen-2020' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

async function logged(evaluationId: number, action: string, reason: string | null) {
	await t.db
		.insertInto('audit_log')
		.values({
			actor_label: 'system',
			entity: 'evaluation',
			entity_id: String(evaluationId),
			evaluation_id: evaluationId,
			action,
			before: null,
			after: null,
			reason
		})
		.execute();
}

describe('the reopen_reason migration', () => {
	it('backfills each evaluation with the reason of its last reopen in the audit log', async () => {
		const twice = await evaluation('0114');
		const never = await evaluation('0115');
		await logged(twice, 'reopen', 'Första rättelsen av poängen');
		await logged(twice, 'publish', 'Första rättelsen av poängen');
		await logged(twice, 'reopen', 'Andra rättelsen av poängen');
		await logged(never, 'publish', null);
		// Run the migration again on rows written without the column, as on a database that had them.
		await addReopenReason.down(t.db);
		await addReopenReason.up(t.db);
		const rows = await sql<{ id: number; reopen_reason: string | null }>`
			SELECT id, reopen_reason FROM evaluation WHERE id IN (${twice}, ${never}) ORDER BY id
		`.execute(t.db);
		expect(rows.rows).toEqual([
			{ id: twice, reopen_reason: 'Andra rättelsen av poängen' },
			{ id: never, reopen_reason: null }
		]);
	});
});
