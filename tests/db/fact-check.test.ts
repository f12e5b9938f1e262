import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { saveFindingText } from '../../src/lib/server/scoring/findings';
import { addFindingItem } from '../../src/lib/server/scoring/finding-items';
import {
	addFactCheckComment,
	answerFactCheckComment,
	closeFactCheckComment,
	countFactCheckComments,
	listFactCheckComments
} from '../../src/lib/server/scoring/fact-check';
import {
	listPublishedVersions,
	loadPublishSummary,
	publishEvaluation
} from '../../src/lib/server/published/publishing';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { loadProgressFacts } from '../../src/lib/server/scoring/progress';
import { canOnFactCheckComment, type EvaluationScope } from '../../src/lib/server/auth/policy';
import { findEvaluationScope } from '../../src/lib/server/evaluations/scope';
import { listSubareas, type Rubric } from '../../src/lib/domain/rubric';
import type { SessionUser } from '../../src/lib/server/auth/types';
import * as factCheckThreads from '../../migrations/20261203000100_fact_check_threads';

let t: TestDatabase;
let rubric: Rubric;
let evaluator: SessionUser;
let contact: SessionUser;
let coordinator: SessionUser;
beforeAll(async () => {
	t = await createTestDatabase();
	rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
	evaluator = await createUser(t.db, { role: 'evaluator', name: 'Erik Utvärderare' });
	contact = await createUser(t.db, {
		role: 'municipality',
		municipalityCode: '1883',
		name: 'Kim Karlskoga'
	});
	coordinator = await createUser(t.db, { role: 'coordinator' });
});
afterAll(async () => {
	await t?.close();
});

let year = 2040;
/** An evaluation in faktagranskning, every subarea agreed, with Kim as its contact. */
async function inFactCheck() {
	const id = await createTestEvaluation(t.db, {
		municipalityCode: '1883',
		year: year++,
		rubricId: rubric.id,
		teamUserIds: [evaluator.id],
		contactUserId: contact.id
	});
	await t.db
		.updateTable('evaluation_member')
		.set({ no_conflict_declared_at: new Date() })
		.where('evaluation_id', '=', id)
		.execute();
	await t.db
		.insertInto('agreed_score')
		.values(
			listSubareas(rubric).map((s) => ({
				evaluation_id: id,
				subarea_id: s.id,
				points: 1,
				justification: 'Överens'
			}))
		)
		.execute();
	await t.db
		.updateTable('evaluation')
		.set({ status: 'faktagranskning' })
		.where('id', '=', id)
		.execute();
	const scope = (await findEvaluationScope(t.db, id)) as EvaluationScope;
	const may =
		(user: SessionUser, step: 'answer' | 'close') =>
		(c: { status: 'oppen' | 'besvarad' | 'stangd' }) =>
			canOnFactCheckComment(user, step, scope, c);
	return { id, may };
}

describe('fact-check comments', () => {
	it('a comment on a strength is answered and closed, each step audited, in order only', async () => {
		const { id, may } = await inFactCheck();
		const strengthId = await addFindingItem(t.db, evaluator, id, 'strength', {
			areaId: '2',
			text: 'Tydlig styrning av verksamheten'
		});
		const commentId = await addFactCheckComment(
			t.db,
			contact,
			id,
			{ kind: 'strength', areaId: '2', findingId: strengthId },
			'Styrningen gäller bara förvaltningen, inte bolagen.'
		);
		expect(await countFactCheckComments(t.db, id)).toEqual({ oppen: 1, besvarad: 0, stangd: 0 });
		// The team never closes a comment nobody answered.
		await expect(
			closeFactCheckComment(t.db, evaluator, id, commentId, may(evaluator, 'close'))
		).rejects.toThrow('errors.forbidden');
		// The contact does not answer her own comment.
		await expect(
			answerFactCheckComment(t.db, contact, id, commentId, 'Svar', may(contact, 'answer'))
		).rejects.toThrow('errors.forbidden');
		await answerFactCheckComment(
			t.db,
			evaluator,
			id,
			commentId,
			'Vi har förtydligat att det gäller förvaltningen.',
			may(evaluator, 'answer')
		);
		await expect(
			answerFactCheckComment(t.db, evaluator, id, commentId, 'Igen', may(evaluator, 'answer'))
		).rejects.toThrow('fc.errors.besvarad');
		await closeFactCheckComment(t.db, contact, id, commentId, may(contact, 'close'));
		await expect(
			closeFactCheckComment(t.db, contact, id, commentId, may(contact, 'close'))
		).rejects.toThrow('fc.errors.stangd');
		const [comment] = await listFactCheckComments(t.db, id);
		expect(comment).toMatchObject({
			targetKind: 'strength',
			findingId: strengthId,
			areaId: '2',
			quote: 'Tydlig styrning av verksamheten',
			status: 'stangd',
			author: 'Kim Karlskoga',
			answer: 'Vi har förtydligat att det gäller förvaltningen.',
			answeredBy: 'Erik Utvärderare',
			closedBy: 'Kim Karlskoga'
		});
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'after'])
			.where('entity', '=', 'fact_check_comment')
			.where('entity_id', '=', String(commentId))
			.orderBy('id')
			.execute();
		expect(audit.map((a) => [a.action, (a.after as { status: string }).status])).toEqual([
			['create', 'oppen'],
			['answer', 'besvarad'],
			['close', 'stangd']
		]);
	});

	it('points at a narrative or an improvement of its own area only, and refuses anything else', async () => {
		const { id } = await inFactCheck();
		const other = await inFactCheck();
		await saveFindingText(
			t.db,
			evaluator,
			id,
			{ kind: 'narrative', subareaId: '3.2' },
			'Kommunen följer upp kvaliteten.',
			0
		);
		const improvement = await addFindingItem(t.db, evaluator, id, 'improvement', {
			areaId: '3',
			text: 'Följ upp brukarnas synpunkter'
		});
		const foreign = await addFindingItem(t.db, evaluator, other.id, 'improvement', {
			areaId: '3',
			text: 'En annan utvärderings fynd'
		});
		await addFactCheckComment(
			t.db,
			contact,
			id,
			{ kind: 'narrative', areaId: '3', subareaId: '3.2' },
			'Uppföljningen sker två gånger per år.'
		);
		await addFactCheckComment(
			t.db,
			contact,
			id,
			{ kind: 'improvement', areaId: '3', findingId: improvement },
			'Detta görs redan.'
		);
		for (const target of [
			{ kind: 'improvement', areaId: '3', findingId: foreign },
			{ kind: 'improvement', areaId: '4', findingId: improvement },
			{ kind: 'narrative', areaId: '3', subareaId: '3.9' },
			{ kind: 'narrative', areaId: '2', subareaId: '3.2' }
		] as const) {
			await expect(addFactCheckComment(t.db, contact, id, target, 'Fel mål')).rejects.toThrow(
				'fc.errors.noSuchFinding'
			);
		}
		await expect(
			addFactCheckComment(t.db, contact, id, { kind: 'area', areaId: '3' }, '   ')
		).rejects.toThrow('errors.required');
		const comments = await listFactCheckComments(t.db, id);
		expect(comments.map((c) => [c.targetKind, c.subareaId, c.findingId, c.quote])).toEqual([
			['narrative', '3.2', null, 'Kommunen följer upp kvaliteten.'],
			['improvement', null, improvement, 'Följ upp brukarnas synpunkter']
		]);
	});
});

describe('publishing with open comments', () => {
	it('is refused without a confirmation naming every open comment, and then changes nothing', async () => {
		const { id, may } = await inFactCheck();
		const open = await addFactCheckComment(
			t.db,
			contact,
			id,
			{ kind: 'area', areaId: '1' },
			'Medborgarpanelen saknas i texten.'
		);
		const answered = await addFactCheckComment(
			t.db,
			contact,
			id,
			{ kind: 'area', areaId: '2' },
			'Fel årtal.'
		);
		await answerFactCheckComment(
			t.db,
			evaluator,
			id,
			answered,
			'Rättat.',
			may(evaluator, 'answer')
		);
		const auditBefore = await t.db
			.selectFrom('audit_log')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();

		const summary = await loadPublishSummary(t.db, id);
		expect(summary.openComments.map((c) => [c.id, c.label])).toEqual([
			[open, 'Kim Karlskoga (1): ”Medborgarpanelen saknas i texten.”']
		]);
		expect(summary.unscored).toEqual([]);
		expect(summary.withoutNarrative).toHaveLength(listSubareas(rubric).length);
		expect(summary.total).toBe(listSubareas(rubric).length);

		for (const confirmed of [undefined, [], [answered], [open + 1000]]) {
			await expect(
				publishEvaluation(t.db, coordinator, id, { confirmedOpenComments: confirmed })
			).rejects.toMatchObject({
				message: 'fc.errors.openComments',
				status: 409,
				vars: { names: 'Kim Karlskoga (1): ”Medborgarpanelen saknas i texten.”' }
			});
		}
		// Nothing changed: still in the fact check, no version, no audit row.
		expect(
			await t.db
				.selectFrom('evaluation')
				.select('status')
				.where('id', '=', id)
				.executeTakeFirstOrThrow()
		).toEqual({ status: 'faktagranskning' });
		expect(await listPublishedVersions(t.db, id)).toEqual([]);
		expect(
			await t.db
				.selectFrom('audit_log')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).toEqual(auditBefore);

		const published = await publishEvaluation(t.db, coordinator, id, {
			confirmedOpenComments: [open]
		});
		expect(published.version).toBe(1);
		const entry = await t.db
			.selectFrom('audit_log')
			.select('after')
			.where('evaluation_id', '=', id)
			.where('action', '=', 'publish')
			.executeTakeFirstOrThrow();
		expect(entry.after).toEqual({ version: 1, publishedOverOpenComments: [open] });
	});
});

describe('progress facts', () => {
	it('counts the team, sheets, agreed scores, findings, narratives and open comments in one read', async () => {
		const { id, may } = await inFactCheck();
		await addFindingItem(t.db, evaluator, id, 'strength', { areaId: '2', text: 'Styrka' });
		await addFindingItem(t.db, evaluator, id, 'improvement', { areaId: '2', text: 'Brist' });
		await addFindingItem(t.db, evaluator, id, 'improvement', { areaId: '4', text: 'Brist' });
		await saveFindingText(t.db, evaluator, id, { kind: 'general', areaId: '1' }, 'Allmänt', 0);
		await saveFindingText(t.db, evaluator, id, { kind: 'narrative', subareaId: '1.1' }, 'Text', 0);
		await t.db
			.insertInto('score_sheet')
			.values({ evaluation_id: id, user_id: evaluator.id, submitted_at: new Date() })
			.execute();
		const first = await addFactCheckComment(t.db, contact, id, { kind: 'area', areaId: '1' }, 'a');
		await addFactCheckComment(t.db, contact, id, { kind: 'area', areaId: '1' }, 'b');
		await answerFactCheckComment(t.db, evaluator, id, first, 'Svar', may(evaluator, 'answer'));
		const facts = await loadProgressFacts(t.db, id);
		expect(facts).toMatchObject({
			teamSize: 1,
			conflictFreeCount: 1,
			submittedSheets: 1,
			subareaCount: listSubareas(rubric).length,
			agreedCount: listSubareas(rubric).length,
			agreedWithoutJustification: 0,
			interviewGroupsCovered: 0,
			evidenceSubareas: 0,
			areasWithFindings: 3,
			areaCount: rubric.areas.length,
			hasSummary: false,
			openFactCheckComments: 1
		});
		expect(facts.perArea.filter((a) => a.hasFindings).map((a) => a.areaId)).toEqual([
			'1',
			'2',
			'4'
		]);
		expect(facts.perArea[0]).toMatchObject({ areaId: '1', narrated: 1 });
	});
});

describe('the fact_check_threads migration', () => {
	it('gives the per-area comments a status: answered, open, or closed once published', async () => {
		const open = await inFactCheck();
		const done = await inFactCheck();
		await t.db
			.updateTable('evaluation')
			.set({ status: 'publicerad' })
			.where('id', '=', done.id)
			.execute();
		await factCheckThreads.down(t.db);
		const insert = (evaluationId: number, answer: string | null) =>
			sql<{ id: number }>`
				INSERT INTO fact_check_comment (evaluation_id, area_id, author_id, body, answer)
				VALUES (${evaluationId}, '1', ${contact.id}, 'Synpunkt', ${answer}) RETURNING id
			`.execute(t.db);
		const unanswered = (await insert(open.id, null)).rows[0].id;
		const answered = (await insert(open.id, 'Svar')).rows[0].id;
		const published = (await insert(done.id, null)).rows[0].id;
		await factCheckThreads.up(t.db);
		const rows = await t.db
			.selectFrom('fact_check_comment')
			.select(['id', 'status', 'target_kind'])
			.where('id', 'in', [unanswered, answered, published])
			.orderBy('id')
			.execute();
		expect(rows).toEqual([
			{ id: unanswered, status: 'oppen', target_kind: 'area' },
			{ id: answered, status: 'besvarad', target_kind: 'area' },
			{ id: published, status: 'stangd', target_kind: 'area' }
		]);
		// The target must match its kind.
		await expect(
			sql`INSERT INTO fact_check_comment (evaluation_id, area_id, author_id, body, target_kind)
				VALUES (${open.id}, '1', ${contact.id}, 'x', 'strength')`.execute(t.db)
		).rejects.toThrow();
	});
});
