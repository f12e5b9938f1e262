/**
 * "Från gap till åtgärd": an action from a self-assessment's gap answers exactly the improvement
 * possibilities ticked, keeps its description, subarea and origin, and the plan's coverage counts
 * only those links (issue 28, point 1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluationId } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { createSelfAssessment } from '../../src/lib/server/self-assessment/self-assessments';
import { createGapAction } from '../../src/lib/server/self-assessment/gap-actions';
import {
	listActionItems,
	listImprovementsWithActions
} from '../../src/lib/server/action-plans/action-plans';
import { listSelfActions } from '../../src/lib/server/self-assessment/actions';
import { DomainError } from '../../src/lib/server/errors';
import type { Rubric } from '../../src/lib/domain/rubric';
import type { SessionUser } from '../../src/lib/server/auth/types';

let t: TestDatabase;
let rubric: Rubric;
let kim: SessionUser;
let evaluationId: number;
let selfAssessmentId: number;
beforeAll(async () => {
	t = await createTestDatabase({ demo: true });
	rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
	kim = await createUser(t.db, { role: 'municipality', municipalityCode: '1883' });
	evaluationId = await demoEvaluationId(t.db);
	selfAssessmentId = await createSelfAssessment(t.db, kim, rubric, {
		municipalityCode: '1883',
		rubricId: rubric.id,
		name: 'Ledningsgruppen',
		assessedOn: '2026-11-30',
		memberUserIds: [kim.id]
	});
});
afterAll(async () => {
	await t?.close();
});

const area = (id: string) =>
	listImprovementsWithActions(t.db, evaluationId).then((all) => all.filter((i) => i.areaId === id));

describe('an action from a gap', () => {
	it('links exactly the ticked improvement and keeps its description, subarea and origin', async () => {
		const before = await area('1');
		expect(before.length).toBeGreaterThan(1);
		const ticked = before[1];
		const result = await createGapAction(t.db, kim, rubric, {
			selfAssessmentId,
			evaluationId,
			subareaId: '1.2',
			title: 'Medborgarpanel om budgeten',
			description: 'Två möten per år med ett slumpat urval.',
			ownerRole: 'Demokratiutvecklare',
			improvementIds: [ticked.id]
		});
		expect(result.inPlan).toBe(true);
		const item = (await listActionItems(t.db, evaluationId)).find((i) => i.id === result.id)!;
		expect(item.improvementIds).toEqual([ticked.id]);
		expect(item.description).toBe('Två möten per år med ett slumpat urval.');
		expect(item.from).toEqual({ subareaId: '1.2', selfAssessmentId, assessedOn: '2026-11-30' });
		// Coverage: only the ticked improvement gained this action.
		const after = await area('1');
		const gained = after.filter((i) => i.actions.some((a) => a.id === result.id));
		expect(gained.map((i) => i.id)).toEqual([ticked.id]);
	});

	it('goes onto the self-assessment’s own list when nothing is ticked', async () => {
		const result = await createGapAction(t.db, kim, rubric, {
			selfAssessmentId,
			evaluationId,
			subareaId: '1.2',
			title: 'Egen åtgärd',
			description: 'Beskrivning',
			ownerRole: 'Kanslichef',
			improvementIds: []
		});
		expect(result.inPlan).toBe(false);
		const own = await listSelfActions(t.db, selfAssessmentId);
		expect(own.map((a) => [a.subareaId, a.title, a.description])).toContainEqual([
			'1.2',
			'Egen åtgärd',
			'Beskrivning'
		]);
		const plan = await listActionItems(t.db, evaluationId);
		expect(plan.some((i) => i.title === 'Egen åtgärd')).toBe(false);
	});

	it('refuses an improvement of another area, writing nothing', async () => {
		const other = (await area('2'))[0];
		const count = (await listActionItems(t.db, evaluationId)).length;
		await expect(
			createGapAction(t.db, kim, rubric, {
				selfAssessmentId,
				evaluationId,
				subareaId: '1.2',
				title: 'Fel område',
				description: '',
				ownerRole: 'Kanslichef',
				improvementIds: [other.id]
			})
		).rejects.toBeInstanceOf(DomainError);
		expect((await listActionItems(t.db, evaluationId)).length).toBe(count);
	});
});
