import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { declareNoConflict } from '../../src/lib/server/evaluations/evaluations';
import { transitionEvaluation } from '../../src/lib/server/evaluations/transitions';
import { saveAgreedScore, saveSheetScore, submitSheet } from '../../src/lib/server/scoring/scores';
import { saveFindingText } from '../../src/lib/server/scoring/findings';
import { addFindingItem } from '../../src/lib/server/scoring/finding-items';
import {
	publishEvaluation,
	reopenEvaluation,
	listPublishedVersions
} from '../../src/lib/server/published/publishing';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { StaleWriteError } from '../../src/lib/server/db/versioned';
import { DomainError } from '../../src/lib/server/errors';
import { saveActionItem, deleteActionItem } from '../../src/lib/server/action-plans/action-plans';
import {
	loadPreviousContext,
	loadPreviousScores
} from '../../src/lib/server/action-plans/follow-up';
import { systemActor } from '../../src/lib/server/accounts/audit';
import type { Rubric } from '../../src/lib/domain/rubric';
import { textLimits } from '../../src/lib/domain/limits';
import { listAuditEntries } from '../../src/lib/server/accounts/audit-log';
import type { SessionUser } from '../../src/lib/server/auth/types';

let t: TestDatabase;
let rubric: Rubric;
let a: SessionUser;
let b: SessionUser;
beforeAll(async () => {
	t = await createTestDatabase();
	rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
	a = await createUser(t.db, { role: 'evaluator' });
	b = await createUser(t.db, { role: 'evaluator' });
});
afterAll(async () => {
	await t?.close();
});

const subareas = () => rubric.areas.flatMap((x) => x.subareas);

async function newEvaluation(code: string, year: number, previousEvaluationId?: number) {
	const id = await createTestEvaluation(t.db, {
		municipalityCode: code,
		year,
		rubricId: rubric.id,
		teamUserIds: [a.id, b.id],
		previousEvaluationId
	});
	await declareNoConflict(t.db, a, id);
	await declareNoConflict(t.db, b, id);
	return id;
}

describe('saving without losing work', () => {
	it('refuses the second of two concurrent writers based on the same version, keeping the first', async () => {
		const id = await newEvaluation('0114', 2026);
		const v1 = await saveAgreedScore(t.db, a, rubric, id, {
			subareaId: '1.1',
			points: 10,
			justification: 'Första',
			expectedVersion: 0
		});
		expect(v1).toBe(1);
		const results = await Promise.allSettled([
			saveAgreedScore(t.db, a, rubric, id, {
				subareaId: '1.1',
				points: 12,
				justification: 'A:s text',
				expectedVersion: 1
			}),
			saveAgreedScore(t.db, b, rubric, id, {
				subareaId: '1.1',
				points: 14,
				justification: 'B:s text',
				expectedVersion: 1
			})
		]);
		const fulfilled = results.filter((r) => r.status === 'fulfilled');
		const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
		expect(fulfilled).toHaveLength(1);
		expect(rejected).toHaveLength(1);
		expect(rejected[0].reason).toBeInstanceOf(StaleWriteError);
		const row = await t.db
			.selectFrom('agreed_score')
			.select(['points', 'justification', 'row_version'])
			.where('evaluation_id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.row_version).toBe(2);
		// The refused writer is shown the text that won.
		expect((rejected[0].reason as StaleWriteError).current?.justification).toBe(row.justification);
	});

	it('refuses a stale narrative with the saved text, and bad scores with a reason, writing nothing', async () => {
		const id = await newEvaluation('0115', 2026);
		await saveFindingText(t.db, a, id, { kind: 'narrative', subareaId: '2.1' }, 'Version ett', 0);
		await expect(
			saveFindingText(t.db, b, id, { kind: 'narrative', subareaId: '2.1' }, 'Min version', 0)
		).rejects.toMatchObject({ current: { text: 'Version ett' } });
		await expect(
			saveAgreedScore(t.db, a, rubric, id, {
				subareaId: '1.2',
				points: 11,
				justification: 'x',
				expectedVersion: 0
			})
		).rejects.toThrow('ws.errors.pointsRange');
		await expect(
			saveAgreedScore(t.db, a, rubric, id, {
				subareaId: '1.2',
				points: 5,
				justification: '  ',
				expectedVersion: 0
			})
		).rejects.toThrow('ws.errors.justificationRequired');
		await expect(
			saveAgreedScore(t.db, a, rubric, id, {
				subareaId: '9.9',
				points: 5,
				justification: 'x',
				expectedVersion: 0
			})
		).rejects.toThrow('ws.errors.unknownSubarea');
		const rows = await t.db
			.selectFrom('agreed_score')
			.select('subarea_id')
			.where('evaluation_id', '=', id)
			.execute();
		expect(rows).toEqual([]);
	});
	it('refuses an over-long text at its field and writes nothing (no truncation)', async () => {
		const id = await newEvaluation('0117', 2031);
		const tooLong = (max: number) => 'å'.repeat(max + 1);
		const audited = async () =>
			Number(
				(
					await t.db
						.selectFrom('audit_log')
						.select((eb) => eb.fn.countAll().as('n'))
						.where('evaluation_id', '=', id)
						.executeTakeFirstOrThrow()
				).n
			);
		const auditBefore = await audited();
		const refusals = [
			saveSheetScore(t.db, a, rubric, id, {
				subareaId: '1.1',
				points: 10,
				justification: tooLong(textLimits.justification),
				expectedVersion: 0
			}),
			saveAgreedScore(t.db, a, rubric, id, {
				subareaId: '1.1',
				points: 10,
				justification: tooLong(textLimits.justification),
				expectedVersion: 0
			}),
			saveFindingText(
				t.db,
				a,
				id,
				{ kind: 'narrative', subareaId: '1.1' },
				tooLong(textLimits.findingText),
				0
			),
			addFindingItem(t.db, a, id, 'strength', {
				areaId: '1',
				text: tooLong(textLimits.findingItem)
			})
		];
		for (const refusal of refusals) {
			await expect(refusal).rejects.toMatchObject({
				message: 'errors.tooLong',
				status: 400
			});
		}
		const { sheetScores, agreed, narratives, strengths } = {
			sheetScores: await t.db
				.selectFrom('sheet_score as s')
				.innerJoin('score_sheet as sh', 'sh.id', 's.sheet_id')
				.select('s.subarea_id')
				.where('sh.evaluation_id', '=', id)
				.execute(),
			agreed: await t.db
				.selectFrom('agreed_score')
				.select('subarea_id')
				.where('evaluation_id', '=', id)
				.execute(),
			narratives: await t.db
				.selectFrom('subarea_narrative')
				.select('subarea_id')
				.where('evaluation_id', '=', id)
				.execute(),
			strengths: await t.db
				.selectFrom('strength')
				.select('id')
				.where('evaluation_id', '=', id)
				.execute()
		};
		expect({ sheetScores, agreed, narratives, strengths }).toEqual({
			sheetScores: [],
			agreed: [],
			narratives: [],
			strengths: []
		});
		expect(await audited()).toBe(auditBefore);
		// At the limit itself the text is saved whole.
		await saveSheetScore(t.db, a, rubric, id, {
			subareaId: '1.1',
			points: 10,
			justification: 'x'.repeat(textLimits.justification),
			expectedVersion: 0
		});
		const saved = await t.db
			.selectFrom('sheet_score as s')
			.innerJoin('score_sheet as sh', 'sh.id', 's.sheet_id')
			.select('s.justification')
			.where('sh.evaluation_id', '=', id)
			.executeTakeFirstOrThrow();
		expect(saved.justification.length).toBe(textLimits.justification);
	});
});

describe('the audit log', () => {
	it('hides a blind sheet’s entries from all but its author, and filters by municipality and year', async () => {
		const id = await newEvaluation('0117', 2032);
		await t.db
			.updateTable('evaluation')
			.set({ status: 'poangsattning' })
			.where('id', '=', id)
			.execute();
		await saveSheetScore(t.db, a, rubric, id, {
			subareaId: '2.1',
			points: 3,
			justification: 'A:s motivering',
			expectedVersion: 0
		});
		const seenBy = async (viewerId: number) =>
			(await listAuditEntries(t.db, { viewerId, municipalityCode: '0117', year: 2032 })).filter(
				(e) => e.entity === 'sheet_score'
			);
		expect(await seenBy(a.id)).toHaveLength(1);
		expect(await seenBy(b.id)).toHaveLength(0);
		await t.db
			.updateTable('evaluation')
			.set({ status: 'kalibrering' })
			.where('id', '=', id)
			.execute();
		expect(await seenBy(b.id)).toHaveLength(1);
		const all = await listAuditEntries(t.db, {
			viewerId: b.id,
			municipalityCode: '0117',
			year: 2032
		});
		expect(all.length).toBeGreaterThan(1);
		expect(new Set(all.map((e) => e.evaluationId))).toEqual(new Set([id]));
		expect(all[0].evaluationLabel).toMatch(/ 2032$/);
		expect(
			await listAuditEntries(t.db, { viewerId: b.id, municipalityCode: '0117', year: 2033 })
		).toEqual([]);
	});
});

describe('blind scoring, calibration and publishing', () => {
	it('goes through the stages, publishes a frozen version and an erratum after reopening', async () => {
		const id = await newEvaluation('0117', 2026);
		expect(
			await transitionEvaluation(t.db, systemActor, id, 'insamling', { confirmGaps: false })
		).toEqual({ ok: true });
		const toScoring = await transitionEvaluation(t.db, systemActor, id, 'poangsattning', {
			confirmGaps: false
		});
		expect(toScoring).toEqual({ ok: false, blocked: false, gaps: [{ code: 'noInterviews' }] });
		expect(
			await transitionEvaluation(t.db, systemActor, id, 'poangsattning', { confirmGaps: true })
		).toEqual({ ok: true });
		for (const s of subareas()) {
			await saveSheetScore(t.db, a, rubric, id, {
				subareaId: s.id,
				points: Math.floor(s.maxPoints / 2),
				justification: 'A',
				expectedVersion: 0
			});
		}
		await submitSheet(t.db, a, rubric, id);
		await expect(submitSheet(t.db, b, rubric, id)).rejects.toThrow('ws.errors.sheetIncomplete');
		expect(
			await transitionEvaluation(t.db, systemActor, id, 'kalibrering', { confirmGaps: true })
		).toMatchObject({ ok: false, blocked: true });
		for (const s of subareas()) {
			await saveSheetScore(t.db, b, rubric, id, {
				subareaId: s.id,
				points: Math.floor(s.maxPoints / 2) + 1,
				justification: 'B',
				expectedVersion: 0
			});
		}
		await submitSheet(t.db, b, rubric, id);
		await expect(
			saveSheetScore(t.db, b, rubric, id, {
				subareaId: '1.1',
				points: 1,
				justification: 'sent',
				expectedVersion: 1
			})
		).rejects.toThrow('ws.errors.sheetSubmitted');
		expect(
			await transitionEvaluation(t.db, systemActor, id, 'kalibrering', { confirmGaps: true })
		).toEqual({ ok: true });
		for (const s of subareas())
			await saveAgreedScore(t.db, a, rubric, id, {
				subareaId: s.id,
				points: Math.floor(s.maxPoints / 2),
				justification: 'Överens',
				expectedVersion: 0
			});
		await addFindingItem(t.db, a, id, 'improvement', { areaId: '1', text: 'Följ upp dialoger' });
		expect(
			await transitionEvaluation(t.db, systemActor, id, 'faktagranskning', { confirmGaps: true })
		).toEqual({ ok: true });
		const v1 = await publishEvaluation(t.db, systemActor, id);
		expect(v1.version).toBe(1);
		const total = subareas().reduce((n, s) => n + Math.floor(s.maxPoints / 2), 0);
		expect((await listPublishedVersions(t.db, id))[0]).toMatchObject({
			version: 1,
			isCurrent: true,
			total,
			errataReason: null
		});
		// Nothing of a published evaluation changes through a transition.
		await expect(
			transitionEvaluation(t.db, systemActor, id, 'faktagranskning', { confirmGaps: true })
		).rejects.toThrow('ws.errors.badMove');
		await expect(reopenEvaluation(t.db, systemActor, id, 'kort')).rejects.toThrow(
			'ws.errors.reasonRequired'
		);
		await reopenEvaluation(t.db, systemActor, id, 'Fel poäng i delområde 1.1 rättat');
		expect(
			await t.db
				.selectFrom('evaluation')
				.select('reopen_reason')
				.where('id', '=', id)
				.executeTakeFirstOrThrow()
		).toEqual({ reopen_reason: 'Fel poäng i delområde 1.1 rättat' });
		await saveAgreedScore(t.db, a, rubric, id, {
			subareaId: '1.1',
			points: 11,
			justification: 'Rättad',
			expectedVersion: 1
		});
		const v2 = await publishEvaluation(t.db, systemActor, id);
		const versions = await listPublishedVersions(t.db, id);
		expect(v2.version).toBe(2);
		expect(versions.map((v) => [v.version, v.isCurrent, v.total, v.errataReason])).toEqual([
			[2, true, total + 1, 'Fel poäng i delområde 1.1 rättat'],
			[1, false, total, null]
		]);
	});
});

describe('action plans and re-evaluation', () => {
	it('links actions only to the evaluation’s own improvements, checks dates, and refuses deletion once re-evaluated', async () => {
		const id = await newEvaluation('0120', 2022);
		for (const s of subareas())
			await saveAgreedScore(t.db, a, rubric, id, {
				subareaId: s.id,
				points: 5,
				justification: 'x',
				expectedVersion: 0
			});
		await t.db
			.updateTable('evaluation')
			.set({ status: 'faktagranskning' })
			.where('id', '=', id)
			.execute();
		const improvementId = await addFindingItem(t.db, a, id, 'improvement', {
			areaId: '1',
			text: 'Analysera demokratins tillstånd'
		});
		await publishEvaluation(t.db, systemActor, id);
		const other = await newEvaluation('0123', 2022);
		const foreign = await addFindingItem(t.db, a, other, 'improvement', {
			areaId: '1',
			text: 'Annan kommun'
		});
		const base = {
			title: 'Demokratianalys',
			description: '',
			ownerRole: 'Kanslichef',
			startDate: '2023-01-01',
			targetDate: '2023-12-31',
			status: 'pagar' as const,
			recommendationIds: []
		};
		await expect(
			saveActionItem(t.db, systemActor, id, null, { ...base, improvementIds: [foreign] })
		).rejects.toThrow('ap.errors.foreignLink');
		await expect(
			saveActionItem(t.db, systemActor, id, null, {
				...base,
				targetDate: '2022-01-01',
				improvementIds: [improvementId]
			})
		).rejects.toThrow('ap.errors.dateOrder');
		expect(
			await t.db.selectFrom('action_item').select('id').where('evaluation_id', '=', id).execute()
		).toEqual([]);
		const actionId = await saveActionItem(t.db, systemActor, id, null, {
			...base,
			improvementIds: [improvementId]
		});

		const reevaluation = await newEvaluation('0120', 2026, id);
		await expect(deleteActionItem(t.db, systemActor, id, actionId)).rejects.toThrow(
			'ap.errors.referenced'
		);
		const context = await loadPreviousContext(t.db, reevaluation, '1.1');
		expect(context).toMatchObject({ year: 2022, sameRubric: true, score: { points: 5, max: 20 } });
		expect(context?.improvements[0]).toMatchObject({
			text: 'Analysera demokratins tillstånd',
			actions: [{ title: 'Demokratianalys', status: 'pagar' }]
		});
		// The sheet grid and calibration show the same earlier score beside each subarea.
		const earlier = await loadPreviousScores(t.db, reevaluation);
		expect(earlier?.year).toBe(2022);
		expect(earlier?.scores['1.1']).toBe(5);
		expect(Object.keys(earlier?.scores ?? {})).toHaveLength(36);
		expect(await loadPreviousScores(t.db, id)).toBeNull();
		// Nothing is copied into the new evaluation's scores.
		expect(
			await t.db
				.selectFrom('agreed_score')
				.select('subarea_id')
				.where('evaluation_id', '=', reevaluation)
				.execute()
		).toEqual([]);
		await expect(
			createTestEvaluation(t.db, {
				municipalityCode: '0123',
				year: 2027,
				rubricId: rubric.id,
				previousEvaluationId: id
			})
		).rejects.toBeInstanceOf(DomainError);
	});
});

describe('findings cite evidence', () => {
	it('links a strength to an evidence item of the same evaluation only', async () => {
		const { createInterview } = await import('../../src/lib/server/sources/interviews');
		const { createEvidence, citeEvidence, listFindingCitations } =
			await import('../../src/lib/server/sources/evidence');
		const id = await newEvaluation('0125', 2026);
		const other = await newEvaluation('0126', 2026);
		const interview = await createInterview(t.db, systemActor, id, {
			heldOn: '2026-05-01',
			group: 'ledande_tjanstepersoner',
			peopleCount: 2,
			interviewer: 'E',
			intervieweeNames: '',
			notes: 'Vi följer upp varje kvartal.'
		});
		const evidence = await t.db.transaction().execute((trx) =>
			createEvidence(trx, a, id, {
				sourceKind: 'interview',
				interviewId: interview,
				quote: 'Vi följer upp varje kvartal.',
				subareaIds: ['3.3']
			})
		);
		const strength = await addFindingItem(t.db, a, id, 'strength', {
			areaId: '3',
			text: 'Tät uppföljning'
		});
		const foreign = await addFindingItem(t.db, a, other, 'strength', {
			areaId: '3',
			text: 'Annan'
		});
		await citeEvidence(t.db, a, id, { kind: 'strength', id: strength }, evidence);
		await expect(
			citeEvidence(t.db, a, other, { kind: 'strength', id: foreign }, evidence)
		).rejects.toThrow('errors.notFound');
		await expect(
			citeEvidence(t.db, a, id, { kind: 'strength', id: foreign }, evidence)
		).rejects.toThrow('src.errors.unknownFinding');
		expect(await listFindingCitations(t.db, id)).toEqual({ [`strength:${strength}`]: [evidence] });
		await expect(
			t.db.transaction().execute((trx) =>
				createEvidence(trx, a, other, {
					sourceKind: 'interview',
					interviewId: interview,
					quote: 'x',
					subareaIds: ['3.3']
				})
			)
		).rejects.toThrow('src.errors.sourceRequired');
	});
});
