import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { computeNationalAverage } from '../../src/lib/server/published/comparisons';
import { listAuditEntries } from '../../src/lib/server/accounts/audit-log';
import {
	createSelfAssessment,
	findSelfAssessmentScope,
	listSelfAssessments,
	shareSelfAssessment
} from '../../src/lib/server/self-assessment/self-assessments';
import {
	listSelfAgreed,
	listSelfSheets,
	saveSelfAgreed,
	saveSelfScore,
	submitSelfSheet,
	finishSelfAssessment
} from '../../src/lib/server/self-assessment/sheets';
import { createSelfAction } from '../../src/lib/server/self-assessment/actions';
import {
	exportSelfAssessment,
	importSelfAssessment
} from '../../src/lib/server/self-assessment/exchange';
import { DomainError } from '../../src/lib/server/errors';
import { canOnSelfAssessment, selfAssessmentVisibility } from '../../src/lib/server/auth/policy';
import type { Rubric } from '../../src/lib/domain/rubric';
import type { SessionUser } from '../../src/lib/server/auth/types';

let t: TestDatabase;
let rubric: Rubric;
let anna: SessionUser;
let bo: SessionUser;
let outsider: SessionUser;
let coordinator: SessionUser;
beforeAll(async () => {
	t = await createTestDatabase();
	rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
	anna = await createUser(t.db, { role: 'municipality', municipalityCode: '1883' });
	bo = await createUser(t.db, { role: 'municipality', municipalityCode: '1883' });
	outsider = await createUser(t.db, { role: 'municipality', municipalityCode: '0115' });
	coordinator = await createUser(t.db, { role: 'coordinator' });
});
afterAll(async () => {
	await t?.close();
});

const subareas = () => rubric.areas.flatMap((a) => a.subareas);
const count = async (table: 'self_assessment' | 'self_assessment_agreed') =>
	Number(
		(
			await t.db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

async function start(name = 'Vår skattning') {
	return createSelfAssessment(t.db, anna, rubric, {
		municipalityCode: '1883',
		rubricId: rubric.id,
		name,
		assessedOn: '2026-03-01',
		memberUserIds: [anna.id, bo.id]
	});
}

async function scoreAll(id: number, who: SessionUser, pick: (max: number) => number) {
	for (const s of subareas())
		await saveSelfScore(t.db, who, rubric, id, {
			subareaId: s.id,
			points: pick(s.maxPoints),
			comment: '',
			expectedVersion: 0
		});
	await submitSelfSheet(t.db, who, rubric, id);
}

describe('a self-assessment group', () => {
	it('scores blind, moves to agreement when the last sheet is in, and finishes when all agree', async () => {
		const id = await start();
		await scoreAll(id, anna, (max) => max);
		// Bo, still scoring, sees only his own (empty) sheet; Anna's is not in it.
		expect(await listSelfSheets(t.db, id, { all: false, ownerId: bo.id })).toHaveLength(1);
		expect((await findSelfAssessmentScope(t.db, id))!.status).toBe('poangsattning');
		await scoreAll(id, bo, () => 0);
		expect((await findSelfAssessmentScope(t.db, id))!.status).toBe('samsyn');
		await expect(finishSelfAssessment(t.db, anna, rubric, id)).rejects.toThrow(DomainError);
		for (const s of subareas())
			await saveSelfAgreed(t.db, anna, rubric, id, {
				subareaId: s.id,
				points: Math.floor(s.maxPoints / 2),
				comment: 'Överens',
				expectedVersion: 0
			});
		await finishSelfAssessment(t.db, anna, rubric, id);
		expect((await findSelfAssessmentScope(t.db, id))!.status).toBe('klar');
	});
});

describe('bad input: a clear message and nothing written', () => {
	it('refuses points outside 0..max', async () => {
		const id = await start('Gränser');
		for (const points of [-1, subareas()[0].maxPoints + 1, 2.5]) {
			const refused = await saveSelfScore(t.db, anna, rubric, id, {
				subareaId: subareas()[0].id,
				points,
				comment: '',
				expectedVersion: 0
			}).catch((e) => e);
			expect(refused).toBeInstanceOf(DomainError);
			expect(refused.message).toBe('sa.errors.pointsRange');
			expect(refused.field).toBe('points');
		}
		expect(await listSelfSheets(t.db, id, { all: true })).toSatisfy(
			(sheets: { scores: object }[]) => sheets.every((s) => Object.keys(s.scores).length === 0)
		);
	});

	it('refuses a user of another municipality in the group', async () => {
		const before = await count('self_assessment');
		const refused = await createSelfAssessment(t.db, anna, rubric, {
			municipalityCode: '1883',
			rubricId: rubric.id,
			name: 'Blandad grupp',
			assessedOn: '2026-03-01',
			memberUserIds: [anna.id, outsider.id]
		}).catch((e) => e);
		expect(refused).toBeInstanceOf(DomainError);
		expect(refused.message).toBe('sa.errors.memberNotOfMunicipality');
		expect(await count('self_assessment')).toBe(before);
	});

	it('refuses sharing with an evaluation of another municipality', async () => {
		const id = await start('Delning');
		const foreign = await createTestEvaluation(t.db, {
			municipalityCode: '0115',
			rubricId: rubric.id
		});
		const refused = await shareSelfAssessment(t.db, anna, id, foreign).catch((e) => e);
		expect(refused).toBeInstanceOf(DomainError);
		expect(refused.message).toBe('sa.errors.shareOtherMunicipality');
		expect((await findSelfAssessmentScope(t.db, id))!.sharedWith).toBeNull();
	});

	it('refuses an import with wrong sums, another municipality or unknown fields, writing nothing', async () => {
		const scores = Object.fromEntries(subareas().map((s) => [s.id, 1]));
		const good = {
			kind: 'självskattning',
			rubric: rubric.id,
			municipality: { code: '1883' },
			name: 'Från kalkylbladet',
			date: '2024-05-01',
			scores
		};
		const before = [await count('self_assessment'), await count('self_assessment_agreed')];
		const cases: [object, string][] = [
			[{ ...good, total: 999 }, 'sa.import.totalSum'],
			[{ ...good, areaScores: { '1': 0 } }, 'sa.import.areaSum'],
			[{ ...good, scores: { ...scores, [subareas()[0].id]: 999 } }, 'sa.import.range'],
			[{ ...good, municipality: { code: '0115' } }, 'sa.import.wrongMunicipality'],
			[{ ...good, kind: 'resultat' }, 'sa.import.badFormat'],
			[{ ...good, extra: 1 }, 'sa.import.badFormat'],
			[{ ...good, date: '2024-02-30' }, 'sa.import.badFormat']
		];
		for (const [file, key] of cases) {
			const result = await importSelfAssessment(t.db, anna, '1883', JSON.stringify(file));
			expect(result.ok, key).toBe(false);
			if (!result.ok) expect(result.problems.map((p) => p.key)).toContain(key);
		}
		expect(await importSelfAssessment(t.db, anna, '1883', '{not json')).toEqual({
			ok: false,
			problems: [{ key: 'sa.import.badJson' }]
		});
		expect([await count('self_assessment'), await count('self_assessment_agreed')]).toEqual(before);
	});
});

describe('export and import', () => {
	it('round-trips a self-assessment with its derived sums', async () => {
		const scores = Object.fromEntries(subareas().map((s) => [s.id, 2]));
		const imported = await importSelfAssessment(
			t.db,
			anna,
			'1883',
			JSON.stringify({
				kind: 'självskattning',
				rubric: rubric.id,
				municipality: { code: '1883' },
				name: 'Kalkylblad 2023',
				date: '2023-10-01',
				scores,
				comments: { [subareas()[0].id]: 'Vår motivering' },
				total: subareas().length * 2
			})
		);
		expect(imported.ok).toBe(true);
		if (!imported.ok) return;
		const scope = (await findSelfAssessmentScope(t.db, imported.id))!;
		expect(scope.status).toBe('klar');
		const refused = await createSelfAction(t.db, anna, rubric, scope.id, {
			subareaId: '9.9',
			title: 'Fel',
			description: '',
			ownerRole: 'Kommundirektör'
		}).catch((e) => e);
		expect(refused).toBeInstanceOf(DomainError);
		await createSelfAction(t.db, anna, rubric, scope.id, {
			subareaId: subareas()[0].id,
			title: 'Ny styrmodell',
			description: 'Från gapet',
			ownerRole: 'Kommundirektör'
		});
		const file = await exportSelfAssessment(t.db, scope);
		expect(file.actions).toEqual([
			{
				subarea: subareas()[0].id,
				title: 'Ny styrmodell',
				description: 'Från gapet',
				ownerRole: 'Kommundirektör'
			}
		]);
		expect(file.kind).toBe('självskattning');
		expect(file.total).toBe(subareas().length * 2);
		expect(file.comments).toEqual({ [subareas()[0].id]: 'Vår motivering' });
		const again = await importSelfAssessment(t.db, anna, '1883', JSON.stringify(file));
		expect(again.ok).toBe(true);
		if (again.ok)
			expect(await listSelfAgreed(t.db, again.id)).toEqual(await listSelfAgreed(t.db, imported.id));
	});
});

describe('privacy', () => {
	it('never counts in the national average', async () => {
		const before = await computeNationalAverage(t.db, rubric);
		await importSelfAssessment(
			t.db,
			anna,
			'1883',
			JSON.stringify({
				kind: 'självskattning',
				rubric: rubric.id,
				municipality: { code: '1883' },
				name: 'Full pott',
				date: '2025-01-01',
				scores: Object.fromEntries(subareas().map((s) => [s.id, s.maxPoints]))
			})
		);
		expect(await computeNationalAverage(t.db, rubric)).toEqual(before);
	});

	it('lists a shared one to the coordinator, an unshared one to nobody outside', async () => {
		const id = await start('Delas');
		const own = await listSelfAssessments(t.db, '1883', { kind: 'all' });
		expect(own.map((r) => r.id)).toContain(id);
		const evaluation = await createTestEvaluation(t.db, {
			municipalityCode: '1883',
			year: 2027,
			rubricId: rubric.id
		});
		expect(
			(await listSelfAssessments(t.db, '1883', selfAssessmentVisibility(coordinator, '1883')!)).map(
				(r) => r.id
			)
		).not.toContain(id);
		await shareSelfAssessment(t.db, anna, id, evaluation);
		expect(
			(await listSelfAssessments(t.db, '1883', selfAssessmentVisibility(coordinator, '1883')!)).map(
				(r) => r.id
			)
		).toContain(id);
		const scope = (await findSelfAssessmentScope(t.db, id))!;
		expect(canOnSelfAssessment(outsider, 'selfAssessment.read', scope)).toBe(false);
	});

	it('keeps the group’s entries out of the coordinator’s audit log', async () => {
		const entries = await listAuditEntries(t.db, { viewerId: coordinator.id, limit: 500 });
		expect(entries.some((e) => e.entity.startsWith('self_assessment'))).toBe(false);
		const own = await listAuditEntries(t.db, { viewerId: anna.id, limit: 500 });
		expect(own.some((e) => e.entity === 'self_assessment_score')).toBe(true);
	});
});
