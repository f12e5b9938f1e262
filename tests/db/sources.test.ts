import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { getRubricOrThrow, syncRubrics } from '../../src/lib/server/register/rubrics';
import { addFindingItem, deleteFindingItem } from '../../src/lib/server/scoring/finding-items';
import { saveAgreedScore } from '../../src/lib/server/scoring/scores';
import { loadEvaluationContent } from '../../src/lib/server/published/publishing';
import { exportEvaluation } from '../../src/lib/server/team-file/export';
import { importEvaluationFile } from '../../src/lib/server/team-file/import';
import { loadReportModel } from '../../src/lib/server/report/load';
import { loadFindingCitations } from '../../src/lib/server/actions/evidence-citations';
import { undoDeletion, undoWindowMs } from '../../src/lib/server/evaluations/deleted-items';
import {
	countInterviewsByGroup,
	createInterview,
	deleteInterview,
	listInterviewsWithNotes,
	updateInterview,
	type InterviewInput
} from '../../src/lib/server/sources/interviews';
import {
	createWebObservation,
	deleteWebObservation,
	listWebObservations
} from '../../src/lib/server/sources/web-observations';
import {
	listWrittenAnswers,
	loadSubareaSources,
	saveWrittenAnswer
} from '../../src/lib/server/sources/written-answers';
import {
	citeEvidence,
	createEvidence,
	deleteEvidence,
	listEvidence,
	listFindingCitations,
	removeCitation,
	updateEvidence,
	type NewEvidence
} from '../../src/lib/server/sources/evidence';
import { StaleWriteError } from '../../src/lib/server/db/versioned';
import { DomainError } from '../../src/lib/server/errors';
import { canOnEvaluation } from '../../src/lib/server/auth/policy';
import { findEvaluationScope } from '../../src/lib/server/evaluations/scope';
import { systemActor } from '../../src/lib/server/accounts/audit';
import type { Rubric } from '../../src/lib/domain/rubric';
import type { SessionUser } from '../../src/lib/server/auth/types';

let t: TestDatabase;
let a: SessionUser;
let b: SessionUser;
let coordinator: SessionUser;
let contact: SessionUser;

beforeAll(async () => {
	t = await createTestDatabase();
	a = await createUser(t.db, { role: 'evaluator', name: 'Anna Utvärderare' });
	b = await createUser(t.db, { role: 'evaluator', name: 'Bo Utvärderare' });
	coordinator = await createUser(t.db, { role: 'coordinator' });
	contact = await createUser(t.db, {
		role: 'municipality',
		municipalityCode: '0114',
		name: 'Kim Kontakt'
	});
	// A rubric version answered subarea by subarea (the shipped 2020 asks per question), and one
	// whose subarea 1.1 alone is answered question by question.
	const whole: Rubric = structuredClone(await getRubricOrThrow(t.db, 'kommunkompassen-2020'));
	whole.id = 'kommunkompassen-test-hel';
	whole.year = 2031;
	for (const s of whole.areas.flatMap((area) => area.subareas)) delete s.questions;
	const withQuestions: Rubric = structuredClone(whole);
	withQuestions.id = 'kommunkompassen-test-fragor';
	withQuestions.year = 2030;
	withQuestions.areas[0].subareas[0].questions = [
		{ id: '1.1.1', text: 'Finns en strategi för demokratiutveckling?' },
		{ id: '1.1.2', text: 'Hur informeras medborgarna om strategin?' }
	];
	await syncRubrics(t.db, [whole, withQuestions]);
});
afterAll(async () => {
	await t?.close();
});

/** One subarea's answer as the sources page lists it (questionId null), if written. */
const writtenAnswer = async (evaluationId: number, subareaId: string) =>
	(await listWrittenAnswers(t.db, evaluationId)).find(
		(x) => x.subareaId === subareaId && x.questionId === null
	);

let year = 2030;
async function newEvaluation(rubricId = 'kommunkompassen-test-hel', code = '0114') {
	year += 1;
	return createTestEvaluation(t.db, {
		municipalityCode: code,
		year,
		rubricId,
		teamUserIds: [a.id, b.id],
		contactUserId: code === '0114' ? contact.id : null
	});
}

const interview = (over: Partial<InterviewInput> = {}): InterviewInput => ({
	heldOn: '2026-09-07',
	group: 'fortroendevalda',
	peopleCount: 3,
	interviewer: 'Anna',
	intervieweeNames: '',
	notes: 'KS ordförande beskriver medborgardialogen.\nPanelen möts fyra gånger om året.',
	...over
});

const evidence = (evaluationId: number, input: NewEvidence) =>
	t.db.transaction().execute((trx) => createEvidence(trx, a, evaluationId, input));

/** Counts rows the refusals must leave alone. */
async function counts(evaluationId: number) {
	const [e, es, audit] = await Promise.all([
		t.db
			.selectFrom('evidence')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('evaluation_id', '=', evaluationId)
			.executeTakeFirstOrThrow(),
		t.db
			.selectFrom('evidence_subarea')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow(),
		t.db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('evaluation_id', '=', evaluationId)
			.executeTakeFirstOrThrow()
	]);
	return { evidence: e.n, links: es.n, audit: audit.n };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DomainError);
	return error as DomainError;
}

describe('evidence', () => {
	it('quotes an interview and backs several subareas, listed under each of them', async () => {
		const id = await newEvaluation();
		const interviewId = await createInterview(t.db, a, id, interview());
		const evidenceId = await evidence(id, {
			sourceKind: 'interview',
			interviewId,
			// Whitespace may differ from the notes (pasted across a line break).
			quote: '  medborgardialogen. Panelen möts  fyra gånger om året. ',
			note: 'Dialog med regelbundenhet',
			subareaIds: ['1.3', '1.1', '1.3']
		});
		const all = await listEvidence(t.db, id);
		expect(all).toHaveLength(1);
		expect(all[0]).toMatchObject({
			id: evidenceId,
			sourceKind: 'interview',
			interview: { id: interviewId, heldOn: '2026-09-07', group: 'fortroendevalda' },
			quote: 'medborgardialogen. Panelen möts  fyra gånger om året.',
			note: 'Dialog med regelbundenhet',
			subareaIds: ['1.1', '1.3'],
			createdBy: 'Anna Utvärderare',
			citedBy: 0
		});
		expect((await listEvidence(t.db, id, '1.1')).map((e) => e.id)).toEqual([evidenceId]);
		expect((await listEvidence(t.db, id, '1.3')).map((e) => e.id)).toEqual([evidenceId]);
		expect(await listEvidence(t.db, id, '2.1')).toEqual([]);
		expect((await listInterviewsWithNotes(t.db, id))[0].evidenceCount).toBe(1);
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['entity', 'action', 'actor_id'])
			.where('evaluation_id', '=', id)
			.where('entity', '=', 'evidence')
			.execute();
		expect(audit).toEqual([{ entity: 'evidence', action: 'create', actor_id: a.id }]);

		// A quoted interview cannot be deleted from under its evidence.
		const cited = await refusal(deleteInterview(t.db, a, id, interviewId));
		expect([cited.message, cited.status]).toEqual(['src.errors.cited', 409]);
		await deleteEvidence(t.db, a, id, evidenceId);
		await deleteInterview(t.db, a, id, interviewId);
		expect(await listInterviewsWithNotes(t.db, id)).toEqual([]);
	});

	it('refuses a quote not in the notes, unknown or missing subareas and foreign sources, writing nothing', async () => {
		const id = await newEvaluation();
		const other = await newEvaluation();
		const interviewId = await createInterview(t.db, a, id, interview());
		const foreignInterview = await createInterview(t.db, a, other, interview());
		const before = await counts(id);
		const base: NewEvidence = {
			sourceKind: 'interview',
			interviewId,
			quote: 'Panelen möts fyra gånger om året.',
			subareaIds: ['1.3']
		};
		const cases: [Partial<NewEvidence>, string, string][] = [
			[{ quote: 'Panelen möts varje vecka.' }, 'src.errors.notInNotes', 'quote'],
			[{ quote: '   ' }, 'src.errors.quoteRequired', 'quote'],
			[{ quote: 'x'.repeat(5001) }, 'src.errors.tooLong', 'quote'],
			[{ subareaIds: [] }, 'src.errors.subareaRequired', 'subareaIds'],
			[{ subareaIds: ['1.3', '9.9'] }, 'ws.errors.unknownSubarea', 'subareaIds'],
			[{ interviewId: foreignInterview }, 'src.errors.sourceRequired', 'source'],
			[{ sourceKind: 'web', webObservationId: 999999 }, 'src.errors.sourceRequired', 'source'],
			[{ sourceKind: 'document', documentId: 999999 }, 'src.errors.sourceRequired', 'source']
		];
		for (const [change, message, field] of cases) {
			const e = await refusal(evidence(id, { ...base, ...change }));
			expect([e.message, e.field]).toEqual([message, field]);
		}
		expect(await counts(id)).toEqual(before);
	});

	it('quotes a web observation; edits note and subareas with a version, refusing a stale edit', async () => {
		const id = await newEvaluation();
		const webId = await createWebObservation(t.db, a, id, {
			url: 'https://www.kommun.se/dialog',
			seenOn: '2026-08-30',
			note: 'Medborgarpanelen redovisar sina förslag öppet.'
		});
		const evidenceId = await evidence(id, {
			sourceKind: 'web',
			webObservationId: webId,
			quote: 'Medborgarpanelen redovisar sina förslag öppet.',
			subareaIds: ['1.3']
		});
		const [item] = await listEvidence(t.db, id);
		expect(item.web).toEqual({
			id: webId,
			url: 'https://www.kommun.se/dialog',
			seenOn: '2026-08-30'
		});
		expect(item.rowVersion).toBe(1);

		expect(
			await updateEvidence(
				t.db,
				a,
				id,
				evidenceId,
				{ note: 'A:s kommentar', subareaIds: ['1.3', '1.4'] },
				1
			)
		).toBe(2);
		const stale = await updateEvidence(
			t.db,
			b,
			id,
			evidenceId,
			{ note: 'B:s kommentar', subareaIds: ['1.2'] },
			1
		).catch((e) => e);
		expect(stale).toBeInstanceOf(StaleWriteError);
		expect((stale as StaleWriteError).current).toMatchObject({
			note: 'A:s kommentar',
			row_version: 2,
			subareaIds: ['1.3', '1.4']
		});
		const [after] = await listEvidence(t.db, id);
		expect([after.note, after.subareaIds, after.rowVersion]).toEqual([
			'A:s kommentar',
			['1.3', '1.4'],
			2
		]);

		const cited = await refusal(deleteWebObservation(t.db, a, id, webId));
		expect(cited.message).toBe('src.errors.cited');
		expect(await listWebObservations(t.db, id)).toHaveLength(1);
	});

	it('lets findings cite evidence of their own evaluation only', async () => {
		const id = await newEvaluation();
		const other = await newEvaluation();
		const webId = await createWebObservation(t.db, a, id, {
			url: 'https://www.kommun.se',
			seenOn: '2026-08-30',
			note: 'Lättläst'
		});
		const otherWeb = await createWebObservation(t.db, a, other, {
			url: 'https://annan.se',
			seenOn: '2026-08-30',
			note: 'Annan'
		});
		const evidenceId = await evidence(id, {
			sourceKind: 'web',
			webObservationId: webId,
			quote: 'Lättläst',
			subareaIds: ['1.2']
		});
		const foreignEvidence = await evidence(other, {
			sourceKind: 'web',
			webObservationId: otherWeb,
			quote: 'Annan',
			subareaIds: ['1.2']
		});
		const strengthId = await addFindingItem(t.db, a, id, 'strength', {
			areaId: '1',
			text: 'Tydlig webb',
			goldStar: false
		});
		const foreignStrength = await addFindingItem(t.db, a, other, 'strength', {
			areaId: '1',
			text: 'Annan',
			goldStar: false
		});

		await citeEvidence(t.db, a, id, { kind: 'strength', id: strengthId }, evidenceId);
		await citeEvidence(t.db, a, id, { kind: 'strength', id: strengthId }, evidenceId);
		await citeEvidence(t.db, a, id, { kind: 'narrative', subareaId: '1.2' }, evidenceId);
		expect(await listFindingCitations(t.db, id)).toEqual({
			[`strength:${strengthId}`]: [evidenceId],
			'narrative:1.2': [evidenceId]
		});
		expect((await listEvidence(t.db, id))[0].citedBy).toBe(2);
		// Citing twice wrote one audit row.
		const audits = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('evaluation_id', '=', id)
			.where('entity', '=', 'finding_evidence')
			.execute();
		expect(audits).toHaveLength(2);

		for (const [ref, evidence] of [
			[{ kind: 'strength', id: foreignStrength }, evidenceId],
			[{ kind: 'strength', id: strengthId }, foreignEvidence],
			[{ kind: 'narrative', subareaId: '9.9' }, evidenceId],
			[{ kind: 'general', areaId: '9' }, evidenceId]
		] as const) {
			const e = await refusal(citeEvidence(t.db, a, id, ref, evidence));
			expect(e.status).toBe(404);
		}
		expect(Object.keys(await listFindingCitations(t.db, other))).toEqual([]);

		await removeCitation(t.db, a, id, { kind: 'narrative', subareaId: '1.2' }, evidenceId);
		await deleteFindingItem(t.db, a, id, 'strength', strengthId);
		expect(await listFindingCitations(t.db, id)).toEqual({});
		// Deleting an item removes the citations of it too.
		const improvementId = await addFindingItem(t.db, a, id, 'improvement', {
			areaId: '1',
			text: 'Mer dialog'
		});
		await citeEvidence(t.db, a, id, { kind: 'improvement', id: improvementId }, evidenceId);
		await deleteEvidence(t.db, a, id, evidenceId);
		expect(await listFindingCitations(t.db, id)).toEqual({});
	});

	it('undoes a deletion with everything that hung on it, once, within the window only', async () => {
		const id = await newEvaluation();
		const webId = await createWebObservation(t.db, a, id, {
			url: 'https://exempel.se/dialog',
			seenOn: '2026-09-01',
			note: 'Medborgardialog'
		});
		const evidenceId = await evidence(id, {
			sourceKind: 'web',
			webObservationId: webId,
			quote: 'Dialog varje kvartal',
			subareaIds: ['1.1', '1.2']
		});
		const strengthId = await addFindingItem(t.db, a, id, 'strength', {
			areaId: '1',
			text: 'Levande dialog'
		});
		await citeEvidence(t.db, a, id, { kind: 'strength', id: strengthId }, evidenceId);
		const before = {
			evidence: await listEvidence(t.db, id),
			citations: await listFindingCitations(t.db, id)
		};

		const undoEvidence = await deleteEvidence(t.db, a, id, evidenceId);
		const undoStrength = await deleteFindingItem(t.db, a, id, 'strength', strengthId);
		expect(await listEvidence(t.db, id)).toEqual([]);
		// A page undoes only its own kinds of deletion.
		await expect(undoDeletion(t.db, a, id, undoEvidence, ['interview'])).rejects.toMatchObject({
			message: 'ws.undo.gone'
		});
		// Another evaluation's id is nothing to undo.
		await expect(undoDeletion(t.db, a, id + 1, undoEvidence)).rejects.toMatchObject({
			status: 404
		});
		expect(await undoDeletion(t.db, a, id, undoEvidence)).toBe('evidence');
		expect(await undoDeletion(t.db, a, id, undoStrength)).toBe('strength');
		expect({
			evidence: await listEvidence(t.db, id),
			citations: await listFindingCitations(t.db, id)
		}).toEqual(before);
		await expect(undoDeletion(t.db, a, id, undoEvidence)).rejects.toMatchObject({
			message: 'ws.undo.gone'
		});

		const again = await deleteEvidence(t.db, a, id, evidenceId);
		const later = new Date(Date.now() + undoWindowMs + 1000);
		await expect(undoDeletion(t.db, a, id, again, undefined, later)).rejects.toMatchObject({
			message: 'ws.undo.expired'
		});
		expect(await listEvidence(t.db, id)).toEqual([]);
		const audit = await t.db
			.selectFrom('audit_log')
			.select('action')
			.where('evaluation_id', '=', id)
			.where('action', '=', 'restore')
			.execute();
		expect(audit).toHaveLength(2);
	});
});

describe('written answers', () => {
	it('holds one answer per subarea, saved with a version and audited', async () => {
		const id = await newEvaluation();
		expect(
			await saveWrittenAnswer(
				t.db,
				contact,
				id,
				{ subareaId: '1.1', questionId: null },
				'Vi har en demokratistrategi från 2024.',
				0
			)
		).toBe(1);
		expect(
			await saveWrittenAnswer(
				t.db,
				contact,
				id,
				{ subareaId: '1.2', questionId: null },
				'Webben och lokaltidningen.',
				0
			)
		).toBe(1);
		expect(
			await saveWrittenAnswer(
				t.db,
				contact,
				id,
				{ subareaId: '1.1', questionId: null },
				'Vi har en demokratistrategi från 2024, reviderad 2026.',
				1
			)
		).toBe(2);
		const answers = await listWrittenAnswers(t.db, id);
		expect(answers.map((x) => [x.subareaId, x.questionId, x.rowVersion]).sort()).toEqual([
			['1.1', null, 2],
			['1.2', null, 1]
		]);
		expect(await writtenAnswer(id, '1.1')).toMatchObject({
			answer: 'Vi har en demokratistrategi från 2024, reviderad 2026.',
			updatedBy: 'Kim Kontakt'
		});
		expect(await writtenAnswer(id, '1.3')).toBeUndefined();
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'entity_id'])
			.where('evaluation_id', '=', id)
			.where('entity', '=', 'written_answer')
			.orderBy('id')
			.execute();
		expect(audit).toEqual([
			{ action: 'create', entity_id: `${id}:1.1` },
			{ action: 'create', entity_id: `${id}:1.2` },
			{ action: 'update', entity_id: `${id}:1.1` }
		]);
	});

	it('is answered per question where the rubric has questions, and shown so beside the scoring', async () => {
		const id = await newEvaluation('kommunkompassen-test-fragor');
		const whole = await refusal(
			saveWrittenAnswer(t.db, contact, id, { subareaId: '1.1', questionId: null }, 'Helheten', 0)
		);
		expect(whole.message).toBe('src.errors.unknownTarget');
		const wrong = await refusal(
			saveWrittenAnswer(
				t.db,
				contact,
				id,
				{ subareaId: '1.2', questionId: '1.1.1' },
				'Fel delområde',
				0
			)
		);
		expect(wrong.message).toBe('src.errors.unknownTarget');
		await saveWrittenAnswer(
			t.db,
			contact,
			id,
			{ subareaId: '1.1', questionId: '1.1.2' },
			'Genom webben och medborgarkontoret.',
			0
		);
		await saveWrittenAnswer(
			t.db,
			contact,
			id,
			{ subareaId: '1.2', questionId: null },
			'Subarea without questions.',
			0
		);
		const sources = await loadSubareaSources(t.db, id, '1.1');
		expect(sources.answers).toEqual([
			{
				subareaId: '1.1',
				questionId: '1.1.1',
				questionText: 'Finns en strategi för demokratiutveckling?',
				answer: null,
				updatedAt: null,
				updatedBy: null
			},
			expect.objectContaining({
				questionId: '1.1.2',
				questionText: 'Hur informeras medborgarna om strategin?',
				answer: 'Genom webben och medborgarkontoret.',
				updatedBy: 'Kim Kontakt'
			})
		]);
		expect((await loadSubareaSources(t.db, id, '1.2')).answers).toEqual([
			expect.objectContaining({
				subareaId: '1.2',
				questionId: null,
				questionText: null,
				answer: 'Subarea without questions.'
			})
		]);
		// The team file names each answer by the rubric id it answers.
		const file = await exportEvaluation(t.db, id, {
			includeInterviewNotes: false,
			sheets: { all: true }
		});
		expect(file.writtenAnswers).toEqual({
			'1.1.2': 'Genom webben och medborgarkontoret.',
			'1.2': 'Subarea without questions.'
		});
		await expect(loadSubareaSources(t.db, id, '9.9')).rejects.toBeInstanceOf(DomainError);
	});
});

describe('saving without losing work', () => {
	it('refuses a stale answer with the saved text and who saved it, keeping the first', async () => {
		const id = await newEvaluation();
		await saveWrittenAnswer(t.db, contact, id, { subareaId: '2.1', questionId: null }, 'Första', 0);
		const results = await Promise.allSettled([
			saveWrittenAnswer(t.db, contact, id, { subareaId: '2.1', questionId: null }, 'Flik A', 1),
			saveWrittenAnswer(t.db, contact, id, { subareaId: '2.1', questionId: null }, 'Flik B', 1)
		]);
		const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
		expect(rejected).toHaveLength(1);
		expect(rejected[0].reason).toBeInstanceOf(StaleWriteError);
		const saved = await writtenAnswer(id, '2.1');
		expect(saved?.rowVersion).toBe(2);
		expect((rejected[0].reason as StaleWriteError).current).toMatchObject({
			answer: saved?.answer,
			row_version: 2,
			updated_by_name: 'Kim Kontakt'
		});
	});

	it('refuses the second of two first saves of the same answer instead of failing', async () => {
		const id = await newEvaluation();
		const results = await Promise.allSettled([
			saveWrittenAnswer(t.db, contact, id, { subareaId: '3.1', questionId: null }, 'Först in', 0),
			saveWrittenAnswer(t.db, contact, id, { subareaId: '3.1', questionId: null }, 'Tvåa', 0)
		]);
		const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
		expect(rejected).toHaveLength(1);
		expect(rejected[0].reason).toBeInstanceOf(StaleWriteError);
		const saved = await writtenAnswer(id, '3.1');
		expect((rejected[0].reason as StaleWriteError).current?.answer).toBe(saved?.answer);
		expect(await listWrittenAnswers(t.db, id)).toHaveLength(1);
	});

	it('refuses a stale interview edit with the saved notes and leaves them as they were', async () => {
		const id = await newEvaluation();
		const interviewId = await createInterview(t.db, a, id, interview());
		expect(
			await updateInterview(t.db, a, id, interviewId, interview({ notes: 'A:s anteckningar' }), 1)
		).toBe(2);
		const stale = await updateInterview(
			t.db,
			b,
			id,
			interviewId,
			interview({ notes: 'B:s anteckningar' }),
			1
		).catch((e) => e);
		expect(stale).toBeInstanceOf(StaleWriteError);
		expect((stale as StaleWriteError).current).toMatchObject({
			notes: 'A:s anteckningar',
			row_version: 2
		});
		const [row] = await listInterviewsWithNotes(t.db, id);
		expect([row.notes, row.rowVersion]).toEqual(['A:s anteckningar', 2]);
		// An interview of another evaluation is not found through this one.
		const other = await newEvaluation();
		const e = await refusal(updateInterview(t.db, a, other, interviewId, interview(), 2));
		expect(e.status).toBe(404);
	});
});

describe('interviews', () => {
	it('counts interviews and people by group, in the report order, and that is what the content says', async () => {
		const id = await newEvaluation();
		await createInterview(
			t.db,
			a,
			id,
			interview({ group: 'fackliga_foretradare', peopleCount: 2 })
		);
		await createInterview(t.db, a, id, interview({ group: 'fortroendevalda', peopleCount: 4 }));
		await createInterview(t.db, a, id, interview({ group: 'fortroendevalda', peopleCount: 3 }));
		await createInterview(t.db, b, id, interview({ group: 'bolagsledning', peopleCount: 1 }));
		const counts = await countInterviewsByGroup(t.db, id);
		expect(counts).toEqual([
			{ group: 'fortroendevalda', interviews: 2, people: 7 },
			{ group: 'fackliga_foretradare', interviews: 1, people: 2 },
			{ group: 'bolagsledning', interviews: 1, people: 1 }
		]);
		expect((await loadEvaluationContent(t.db, id)).method.interviews).toEqual(counts);
		expect(await countInterviewsByGroup(t.db, await newEvaluation())).toEqual([]);
	});

	it('never shows notes or names through what coordinators and the municipality can reach', async () => {
		const id = await newEvaluation();
		const secretNotes = 'HEMLIGT: förvaltningschefen kritiserar nämnden.';
		const names = 'Greta Granskad, Olle Öppen';
		const interviewId = await createInterview(
			t.db,
			a,
			id,
			interview({
				intervieweeNames: names,
				notes: `Offentligt citat om styrmodellen. ${secretNotes}`
			})
		);
		await updateInterview(
			t.db,
			a,
			id,
			interviewId,
			interview({
				intervieweeNames: names,
				notes: `Offentligt citat om styrmodellen. ${secretNotes} Tillägg.`
			}),
			1
		);
		const evidenceId = await evidence(id, {
			sourceKind: 'interview',
			interviewId,
			quote: 'Offentligt citat om styrmodellen.',
			subareaIds: ['3.1']
		});
		const strengthId = await addFindingItem(t.db, a, id, 'strength', {
			areaId: '3',
			text: 'Styrmodellen är känd',
			goldStar: false
		});
		await citeEvidence(t.db, a, id, { kind: 'strength', id: strengthId }, evidenceId);
		await saveWrittenAnswer(
			t.db,
			contact,
			id,
			{ subareaId: '3.1', questionId: null },
			'Styrmodellen beslutades 2024.',
			0
		);

		// The policy: only the team may read notes.
		const scope = (await findEvaluationScope(t.db, id))!;
		scope.status = 'insamling';
		expect(
			[a, b, coordinator, contact].map((u) => canOnEvaluation(u, 'interview.readNotes', scope))
		).toEqual([true, true, false, false]);

		// Everything a coordinator or the municipality can reach, directly or through a page.
		const reachable = {
			counts: await countInterviewsByGroup(t.db, id),
			evidence: await listEvidence(t.db, id),
			subarea: await loadSubareaSources(t.db, id, '3.1'),
			citations: await loadFindingCitations(t.db, id),
			answers: await listWrittenAnswers(t.db, id),
			web: await listWebObservations(t.db, id),
			content: await loadEvaluationContent(t.db, id),
			coordinatorExport: await exportEvaluation(t.db, id, {
				includeInterviewNotes: false,
				sheets: { all: true }
			}),
			defaultExport: await exportEvaluation(t.db, id, {
				includeInterviewNotes: false,
				sheets: { all: true }
			}),
			report: (await loadReportModel(t.db, id)).model,
			// Coordinators read the audit trail.
			audit: await t.db
				.selectFrom('audit_log')
				.select(['entity', 'action', 'before', 'after'])
				.where('evaluation_id', '=', id)
				.execute()
		};
		for (const [name, value] of Object.entries(reachable)) {
			const text = JSON.stringify(value);
			expect([name, text.includes('HEMLIGT')]).toEqual([name, false]);
			expect([name, text.includes('Greta')]).toEqual([name, false]);
		}
		// The quoted excerpt itself is evidence, and is there.
		expect(JSON.stringify(reachable.subarea)).toContain('Offentligt citat om styrmodellen.');
		expect(reachable.coordinatorExport.interviews).toEqual([
			{ heldOn: '2026-09-07', group: 'fortroendevalda', peopleCount: 3, interviewer: 'Anna' }
		]);

		// The team's own functions do have them (so the checks above can fail).
		expect(JSON.stringify(await listInterviewsWithNotes(t.db, id))).toContain('HEMLIGT');
		expect(
			JSON.stringify(
				await exportEvaluation(t.db, id, { includeInterviewNotes: true, sheets: { all: true } })
			)
		).toContain('Greta Granskad');
	});
});

describe('the team file', () => {
	it('carries written answers per subarea and question, and interviews, through export and import', async () => {
		const id = await newEvaluation('kommunkompassen-test-fragor', '0117');
		await saveWrittenAnswer(
			t.db,
			contact,
			id,
			{ subareaId: '1.1', questionId: '1.1.1' },
			'Ja, sedan 2024.',
			0
		);
		await saveWrittenAnswer(
			t.db,
			contact,
			id,
			{ subareaId: '2.1', questionId: null },
			'Översiktsplanen.',
			0
		);
		await createInterview(
			t.db,
			a,
			id,
			interview({ intervieweeNames: 'N.N.', notes: 'Anteckning' })
		);
		// The exchange part of a team file carries scores only once every subarea has one.
		const rubric = await getRubricOrThrow(t.db, 'kommunkompassen-test-fragor');
		for (const s of rubric.areas.flatMap((area) => area.subareas)) {
			await saveAgreedScore(t.db, a, rubric, id, {
				subareaId: s.id,
				points: 1,
				justification: 'Test',
				expectedVersion: 0
			});
		}
		const file = await exportEvaluation(t.db, id, {
			includeInterviewNotes: true,
			sheets: { all: true }
		});
		const copy = structuredClone(file) as typeof file;
		copy.content.year -= 10;
		copy.published.year -= 10;
		const outcome = await importEvaluationFile(t.db, systemActor, copy);
		expect(outcome).toMatchObject({ ok: true });
		const imported = (outcome as { evaluationId: number }).evaluationId;
		expect(
			(await listWrittenAnswers(t.db, imported))
				.map((x) => [x.subareaId, x.questionId, x.answer])
				.sort()
		).toEqual([
			['1.1', '1.1.1', 'Ja, sedan 2024.'],
			['2.1', null, 'Översiktsplanen.']
		]);
		expect(
			(await listInterviewsWithNotes(t.db, imported)).map((i) => [i.notes, i.intervieweeNames])
		).toEqual([['Anteckning', 'N.N.']]);
		// A coordinator's copy (without notes) imports too, and an answer to an unknown id is refused.
		const coordinatorCopy = structuredClone(
			await exportEvaluation(t.db, id, { includeInterviewNotes: false, sheets: { all: true } })
		) as typeof file;
		coordinatorCopy.content.year -= 20;
		coordinatorCopy.published.year -= 20;
		expect(await importEvaluationFile(t.db, systemActor, coordinatorCopy)).toMatchObject({
			ok: true
		});
		const bad = structuredClone(file) as typeof file;
		bad.content.year -= 30;
		bad.published.year -= 30;
		bad.writtenAnswers = { '1.1.9': 'Okänd fråga' };
		expect(await importEvaluationFile(t.db, systemActor, bad)).toMatchObject({
			ok: false,
			problems: [{ field: 'writtenAnswers.1.1.9' }]
		});
		// An answer to a subarea as a whole, written before the rubric gave it questions, is kept.
		const earlier = structuredClone(file) as typeof file;
		earlier.content.year -= 40;
		earlier.published.year -= 40;
		earlier.writtenAnswers = { '1.1': 'Helheten, skrivet innan frågorna fanns' };
		const kept = await importEvaluationFile(t.db, systemActor, earlier);
		expect(kept).toMatchObject({ ok: true });
		const keptId = (kept as { evaluationId: number }).evaluationId;
		expect((await loadSubareaSources(t.db, keptId, '1.1')).answers).toEqual([
			expect.objectContaining({
				questionId: null,
				answer: 'Helheten, skrivet innan frågorna fanns'
			}),
			expect.objectContaining({ questionId: '1.1.1', answer: null }),
			expect.objectContaining({ questionId: '1.1.2', answer: null })
		]);
	});
});
