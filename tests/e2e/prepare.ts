/**
 * The browser tests' database: the demo data, the test accounts (accounts.ts), Vallentuna 2026
 * in collection with evaluator1 and evaluator2 on its team, and three drafts with the same team
 * (both free of jäv) for the blind-sheet and autosave tests.
 */
import type { OpenedDatabase } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/platform/app';
import { createEvaluation } from '../../src/lib/server/evaluations/evaluations';
import { systemActor } from '../../src/lib/server/accounts/audit';
import {
	createTestAccounts,
	lundColleagueAccount,
	selfAssessmentAccount,
	testAccounts,
	type E2eState
} from './accounts';
import type { Rubric } from '../../src/lib/domain/rubric';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { saveSheetScore, submitSheet } from '../../src/lib/server/scoring/scores';
import { demoInProgress } from '../../src/lib/server/db/seed/documents';
import { createUser } from '../../src/lib/server/accounts/users';
import { saveFindingText } from '../../src/lib/server/scoring/findings';
import { addFindingItem } from '../../src/lib/server/scoring/finding-items';
import {
	addFactCheckComment,
	answerFactCheckComment
} from '../../src/lib/server/scoring/fact-check';
import {
	createSelfAssessment,
	shareSelfAssessment
} from '../../src/lib/server/self-assessment/self-assessments';
import {
	finishSelfAssessment,
	saveSelfAgreed,
	saveSelfScore,
	submitSelfSheet
} from '../../src/lib/server/self-assessment/sheets';
import { createSelfAction } from '../../src/lib/server/self-assessment/actions';

export async function prepareE2eDatabase(
	opened: OpenedDatabase,
	log: (m: string) => void = () => {}
): Promise<E2eState> {
	await prepareDatabase(opened.db, { demo: true, log });
	const ids = await createTestAccounts(opened.db);
	const draftId = await createEvaluation(opened.db, systemActor, {
		municipalityCode: '0115',
		year: 2026,
		rubricId: 'kommunkompassen-2020',
		teamUserIds: [ids.evaluator1, ids.evaluator2],
		contactUserId: ids.vallentuna,
		visitStart: '2026-09-07',
		visitEnd: '2026-09-09'
	});
	await opened.db
		.updateTable('evaluation')
		.set({ status: 'insamling' })
		.where('id', '=', draftId)
		.execute();
	// Drafts in scoring and calibration: one for the blind-sheet test, apart from the one the
	// workflow test moves on, and two for the autosave tests.
	const draftIn = async (municipalityCode: string, status: 'poangsattning' | 'kalibrering') => {
		const id = await createEvaluation(opened.db, systemActor, {
			municipalityCode,
			year: 2026,
			rubricId: 'kommunkompassen-2020',
			teamUserIds: [ids.evaluator1, ids.evaluator2],
			contactUserId: null,
			visitStart: '2026-10-12',
			visitEnd: '2026-10-14'
		});
		await opened.db.updateTable('evaluation').set({ status }).where('id', '=', id).execute();
		await opened.db
			.updateTable('evaluation_member')
			.set({ no_conflict_declared_at: new Date() })
			.where('evaluation_id', '=', id)
			.execute();
		return id;
	};
	const blindDraftId = await draftIn('1480', 'poangsattning');
	const scoringDraftId = await draftIn('0180', 'poangsattning');
	const calibrationDraftId = await draftIn('1280', 'kalibrering');
	// In calibration with both sheets handed in; the sheets differ in area 1 (flagged there).
	const calibratedDraftId = await draftIn('0184', 'poangsattning');
	const rubric = await getRubricOrThrow(opened.db, 'kommunkompassen-2020');
	for (const [key, factor] of [
		['evaluator1', 0.5],
		['evaluator2', 0.8]
	] as const) {
		const actor = { id: ids[key], email: testAccounts[key].email };
		for (const s of rubric.areas.flatMap((a) => a.subareas)) {
			await saveSheetScore(opened.db, actor, rubric, calibratedDraftId, {
				subareaId: s.id,
				points: Math.floor(s.maxPoints * (s.id.startsWith('1.') ? factor : 0.5)),
				justification: `${testAccounts[key].name} om ${s.id}`,
				expectedVersion: 0
			});
		}
		await submitSheet(opened.db, actor, rubric, calibratedDraftId);
	}
	await opened.db
		.updateTable('evaluation')
		.set({ status: 'kalibrering' })
		.where('id', '=', calibratedDraftId)
		.execute();
	// Borås 2026 in scoring, both sheets filled in but not handed in, for calibrating to the end:
	// 30 subareas scored the same and 6 (the first six) 5 points apart, more than 10 % of any
	// maximum; A justifies every score, B only the differing ones.
	const calibrationRunDraftId = await draftIn('1490', 'poangsattning');
	const subareaList = rubric.areas.flatMap((a) => a.subareas);
	for (const key of ['evaluator1', 'evaluator2'] as const) {
		const actor = { id: ids[key], email: testAccounts[key].email };
		for (const [i, s] of subareaList.entries()) {
			const differs = i < 6;
			const points = Math.floor(s.maxPoints / 2) + (differs && key === 'evaluator2' ? 5 : 0);
			const justification =
				key === 'evaluator1' || differs ? `${testAccounts[key].name} motiverar ${s.id}` : '';
			await saveSheetScore(opened.db, actor, rubric, calibrationRunDraftId, {
				subareaId: s.id,
				points,
				justification,
				expectedVersion: 0
			});
		}
	}
	// Self-assessment: Upplands Väsby 2026 in scoring with the same team, and a user of Upplands
	// Väsby, for the test that a shared self-assessment stays hidden until an evaluator's sheet.
	const selfAssessmentDraftId = await draftIn('0114', 'poangsattning');
	await createUser(opened.db, systemActor, {
		...selfAssessmentAccount,
		password: testAccounts.karlskoga.password
	});
	// Lund in the fact check: agreed throughout, a strength and a narrative to comment on.
	const evaluator1 = { id: ids.evaluator1, email: testAccounts.evaluator1.email };
	const factCheckDraft = async (year: number) => {
		const id = await createEvaluation(opened.db, systemActor, {
			municipalityCode: '1281',
			year,
			rubricId: 'kommunkompassen-2020',
			teamUserIds: [ids.evaluator1, ids.evaluator2],
			contactUserId: ids.lund,
			visitStart: `${year}-09-14`,
			visitEnd: `${year}-09-16`
		});
		await opened.db
			.updateTable('evaluation_member')
			.set({ no_conflict_declared_at: new Date() })
			.where('evaluation_id', '=', id)
			.execute();
		await opened.db
			.insertInto('agreed_score')
			.values(
				rubric.areas
					.flatMap((a) => a.subareas)
					.map((s) => ({
						evaluation_id: id,
						subarea_id: s.id,
						points: Math.floor(s.maxPoints / 2),
						justification: `Överens om ${s.id}`
					}))
			)
			.execute();
		await addFindingItem(opened.db, evaluator1, id, 'strength', {
			areaId: '2',
			text: 'Lund har en tydlig styrkedja från mål till uppföljning.'
		});
		await saveFindingText(
			opened.db,
			evaluator1,
			id,
			{ kind: 'narrative', subareaId: '2.1' },
			'Målen följs upp varje tertial.',
			0
		);
		await opened.db
			.updateTable('evaluation')
			.set({ status: 'faktagranskning' })
			.where('id', '=', id)
			.execute();
		return id;
	};
	// 2026 for the fact-check test (which publishes it), 2025 for the page checks (pages.ts):
	// it stays in the fact check, with one comment answered and one still open.
	const factCheckDraftId = await factCheckDraft(2026);
	const factCheckPagesDraftId = await factCheckDraft(2025);
	const lund = { id: ids.lund, email: testAccounts.lund.email };
	const [strengthId] = await opened.db
		.selectFrom('strength')
		.select('id')
		.where('evaluation_id', '=', factCheckPagesDraftId)
		.execute()
		.then((rows) => rows.map((r) => r.id));
	const answered = await addFactCheckComment(
		opened.db,
		lund,
		factCheckPagesDraftId,
		{ kind: 'strength', areaId: '2', findingId: strengthId },
		'Styrkedjan gäller förvaltningen men inte bolagen.'
	);
	await answerFactCheckComment(
		opened.db,
		evaluator1,
		factCheckPagesDraftId,
		answered,
		'Vi har lagt till att bolagen inte omfattas.',
		() => true
	);
	await addFactCheckComment(
		opened.db,
		lund,
		factCheckPagesDraftId,
		{ kind: 'area', areaId: '1' },
		'Medborgarpanelen saknas i området.'
	);
	const lundSelfAssessments = await prepareSelfAssessments(opened, rubric, lund, ids.lund);
	await shareSelfAssessment(opened.db, lund, lundSelfAssessments.done, factCheckPagesDraftId);
	const find = (code: string, year: number) =>
		opened.db
			.selectFrom('evaluation')
			.select('id')
			.where('municipality_code', '=', code)
			.where('year', '=', year)
			.where('origin', '=', 'workspace')
			.executeTakeFirstOrThrow();
	return {
		blindDraftId,
		scoringDraftId,
		calibrationDraftId,
		calibratedDraftId,
		calibrationRunDraftId,
		factCheckDraftId,
		factCheckPagesDraftId,
		lundSelfAssessments,
		draftId,
		selfAssessmentDraftId,
		otherDraftId: (await find(demoInProgress.municipalityCode, demoInProgress.year)).id,
		karlskoga2022Id: (await find('1883', 2022)).id
	};
}

/**
 * Three self-assessments of Lund for the page checks, one per stage of its page: being scored
 * (the contact's sheet half done), being agreed (the contact's and a colleague's sheets in) and
 * done (agreed throughout, with one improvement action).
 */
async function prepareSelfAssessments(
	opened: OpenedDatabase,
	rubric: Rubric,
	contact: { id: number; email: string },
	contactId: number
): Promise<E2eState['lundSelfAssessments']> {
	const db = opened.db;
	const { user } = await createUser(db, systemActor, {
		...lundColleagueAccount,
		password: testAccounts.lund.password
	});
	const colleague = { id: user.id, email: lundColleagueAccount.email };
	const subareas = rubric.areas.flatMap((a) => a.subareas);
	const start = (name: string, memberUserIds: number[]) =>
		createSelfAssessment(db, contact, rubric, {
			municipalityCode: '1281',
			rubricId: rubric.id,
			name,
			assessedOn: '2026-03-02',
			memberUserIds
		});
	const score = async (
		id: number,
		who: { id: number; email: string },
		share: number,
		count = subareas.length
	) => {
		for (const s of subareas.slice(0, count))
			await saveSelfScore(db, who, rubric, id, {
				subareaId: s.id,
				points: Math.floor(s.maxPoints * share),
				comment: `Bedömning av ${s.id}`,
				expectedVersion: 0
			});
	};
	const scoring = await start('Lunds skattning under arbete', [contactId]);
	await score(scoring, contact, 0.5, 10);
	const agreeing = await start('Lunds skattning att enas om', [contactId, user.id]);
	const done = await start('Lunds skattning 2026', [contactId, user.id]);
	for (const id of [agreeing, done]) {
		await score(id, contact, 0.5);
		await score(id, colleague, 0.75);
		await submitSelfSheet(db, contact, rubric, id);
		await submitSelfSheet(db, colleague, rubric, id);
	}
	for (const s of subareas)
		await saveSelfAgreed(db, contact, rubric, done, {
			subareaId: s.id,
			points: Math.floor(s.maxPoints * 0.6),
			comment: '',
			expectedVersion: 0
		});
	await finishSelfAssessment(db, contact, rubric, done);
	await createSelfAction(db, contact, rubric, done, {
		subareaId: subareas[0].id,
		title: 'Ta fram en strategi för demokratiutveckling',
		description: 'Med en plan för dialog med medborgarna.',
		ownerRole: 'Kommundirektör'
	});
	return { scoring, agreeing, done };
}
