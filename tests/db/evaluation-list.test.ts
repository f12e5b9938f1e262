/**
 * The workspace list filters in SQL what the policy decides per evaluation: for every kind of
 * user, the list must be exactly the evaluations the policy lets them read among those that are
 * theirs to work with (all for the coordinator, the team's, the municipality's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { declareNoConflict } from '../../src/lib/server/evaluations/evaluations';
import { listEvaluationsFor } from '../../src/lib/server/evaluations/list';
import { findEvaluationScope } from '../../src/lib/server/evaluations/scope';
import { canOnEvaluation } from '../../src/lib/server/auth/policy';
import { stages, type EvaluationStatus } from '../../src/lib/domain/lifecycle';
import type { SessionUser } from '../../src/lib/server/auth/types';

let t: TestDatabase;
const users: Record<string, SessionUser> = {};
let ids: number[] = [];

beforeAll(async () => {
	t = await createTestDatabase();
	users.coordinator = await createUser(t.db, { role: 'coordinator' });
	users.evaluatorA = await createUser(t.db, { role: 'evaluator' });
	users.evaluatorB = await createUser(t.db, { role: 'evaluator' });
	users.outsider = await createUser(t.db, { role: 'evaluator' });
	users.contact = await createUser(t.db, { role: 'municipality', municipalityCode: '1883' });
	users.colleague = await createUser(t.db, { role: 'municipality', municipalityCode: '1883' });
	users.elsewhere = await createUser(t.db, { role: 'municipality', municipalityCode: '0114' });
	users.pendingCoordinator = {
		...(await createUser(t.db, { role: 'coordinator' })),
		mustChangePassword: true
	};
	users.pendingEvaluator = { ...users.evaluatorA, mustChangePassword: true };
	users.pendingContact = { ...users.contact, mustChangePassword: true };

	// Every stage, for two municipalities, with and without a named contact and team members.
	let year = 2000;
	for (const status of stages) {
		for (const [code, team, contact] of [
			['1883', [users.evaluatorA.id], users.contact.id],
			['1883', [users.evaluatorB.id], null],
			['0114', [users.evaluatorA.id, users.evaluatorB.id], null]
		] as const) {
			const id = await createTestEvaluation(t.db, {
				municipalityCode: code,
				year: year++,
				teamUserIds: [...team],
				contactUserId: contact
			});
			if (team[0] === users.evaluatorA.id) await declareNoConflict(t.db, users.evaluatorA, id);
			await setStatus(id, status);
			ids.push(id);
		}
	}
	// An imported result is never in the workspace list.
	const imported = await t.db
		.insertInto('evaluation')
		.values({
			municipality_code: '1883',
			year: 1999,
			rubric_id: 'kommunkompassen-2020',
			status: 'publicerad',
			origin: 'import'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	ids = [...ids, imported.id];
});
afterAll(async () => {
	await t?.close();
});

async function setStatus(id: number, status: EvaluationStatus) {
	await t.db.updateTable('evaluation').set({ status }).where('id', '=', id).execute();
}

/** Theirs to work with: what the list narrows to before the policy's read rule. */
function theirs(user: SessionUser, scope: { teamUserIds: number[]; municipalityCode: string }) {
	switch (user.role) {
		case 'coordinator':
			return true;
		case 'evaluator':
			return scope.teamUserIds.includes(user.id);
		case 'municipality':
			return scope.municipalityCode === (user.municipalityCode ?? '');
	}
}

describe('listEvaluationsFor', () => {
	it('lists exactly what the policy lets each user read among their evaluations', async () => {
		for (const [name, user] of Object.entries(users)) {
			const expected: number[] = [];
			for (const id of ids) {
				const scope = (await findEvaluationScope(t.db, id))!;
				const row = await t.db
					.selectFrom('evaluation')
					.select('origin')
					.where('id', '=', id)
					.executeTakeFirstOrThrow();
				if (
					row.origin === 'workspace' &&
					theirs(user, scope) &&
					canOnEvaluation(user, 'evaluation.read', scope)
				)
					expected.push(id);
			}
			const listed = (await listEvaluationsFor(t.db, user)).map((e) => e.id);
			expect(
				listed.toSorted((a, b) => a - b),
				name
			).toEqual(expected.toSorted((a, b) => a - b));
		}
	});

	it('sees something and hides something for every role, so the comparison has teeth', async () => {
		for (const name of ['evaluatorA', 'contact', 'pendingCoordinator']) {
			const listed = await listEvaluationsFor(t.db, users[name]);
			expect(listed.length, name).toBeGreaterThan(0);
			expect(listed.length, name).toBeLessThan(ids.length - 1);
		}
		expect((await listEvaluationsFor(t.db, users.coordinator)).length).toBe(ids.length - 1);
	});

	it('lists newest first', async () => {
		const years = (await listEvaluationsFor(t.db, users.coordinator)).map((e) => e.year);
		expect(years).toEqual(years.toSorted((a, b) => b - a));
	});
});
