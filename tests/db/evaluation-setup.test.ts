/**
 * An evaluation's set-up (team, contact, planned dates) changed until publication, the duplicate
 * refusal that names the existing evaluation, re-evaluations that carry the documents over, and
 * the tasks read from the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import {
	DuplicateEvaluationError,
	loadEvaluationSetup,
	updateEvaluationSetup,
	type SetupChange
} from '../../src/lib/server/evaluations/setup';
import {
	finishCarriedDocuments,
	markCarriedDocument
} from '../../src/lib/server/documents/carried';
import { loadTasks } from '../../src/lib/server/evaluations/tasks';
import {
	addDocument,
	listDocumentPages,
	listDocuments
} from '../../src/lib/server/documents/documents';
import { extractStoredDocument } from '../../src/lib/server/jobs/extraction';
import { systemActor } from '../../src/lib/server/accounts/audit';
import type { SessionUser } from '../../src/lib/server/auth/types';

let t: TestDatabase;

/** The carried-over documents as the documents page lists them, oldest first. */
const carriedDocuments = async (evaluationId: number) =>
	(await listDocuments(t.db, evaluationId)).filter((d) => d.carriedFromId !== null);
const u: Record<string, SessionUser> = {};
const actor = () => ({ id: u.coordinator.id, email: u.coordinator.email });

beforeAll(async () => {
	t = await createTestDatabase();
	u.coordinator = await createUser(t.db, { role: 'coordinator' });
	u.a = await createUser(t.db, { role: 'evaluator' });
	u.b = await createUser(t.db, { role: 'evaluator' });
	u.c = await createUser(t.db, { role: 'evaluator' });
	u.contact = await createUser(t.db, { role: 'municipality', municipalityCode: '1880' });
	u.otherContact = await createUser(t.db, { role: 'municipality', municipalityCode: '0114' });
});
afterAll(async () => {
	await t?.close();
});

const noDates = {
	answersDue: null,
	visitStart: null,
	visitEnd: null,
	factCheckDue: null,
	publicationPlanned: null
};

async function evaluation(year: number, status: 'insamling' | 'poangsattning' | 'publicerad') {
	const id = await createTestEvaluation(t.db, {
		municipalityCode: '1880',
		year,
		teamUserIds: [u.a.id, u.b.id]
	});
	await t.db.updateTable('evaluation').set({ status }).where('id', '=', id).execute();
	await t.db
		.updateTable('evaluation_member')
		.set({ no_conflict_declared_at: new Date() })
		.where('evaluation_id', '=', id)
		.execute();
	return id;
}

const change = (over: Partial<SetupChange>, expectedVersion: number): SetupChange => ({
	teamUserIds: [u.a.id, u.b.id],
	contactUserId: null,
	...noDates,
	...over,
	expectedVersion
});

describe('updateEvaluationSetup', () => {
	it('swaps a member (the new one must declare), sets contact and dates, audited in one row', async () => {
		const id = await evaluation(2030, 'insamling');
		const before = (await loadEvaluationSetup(t.db, id))!;
		const dates = {
			answersDue: '2030-02-01',
			visitStart: '2030-03-02',
			visitEnd: '2030-03-04',
			factCheckDue: '2030-05-01',
			publicationPlanned: '2030-06-01'
		};
		const result = await updateEvaluationSetup(
			t.db,
			actor(),
			id,
			change(
				{ teamUserIds: [u.a.id, u.c.id], contactUserId: u.contact.id, ...dates },
				before.rowVersion
			)
		);
		expect(result).toEqual({ added: [u.c.id], removed: [u.b.id] });
		const after = (await loadEvaluationSetup(t.db, id))!;
		expect(after).toMatchObject({ contactUserId: u.contact.id, ...dates });
		expect(after.teamUserIds.sort()).toEqual([u.a.id, u.c.id].sort());
		const members = await t.db
			.selectFrom('evaluation_member')
			.select(['user_id', 'no_conflict_declared_at'])
			.where('evaluation_id', '=', id)
			.execute();
		expect(members.find((m) => m.user_id === u.c.id)?.no_conflict_declared_at).toBeNull();
		expect(members.find((m) => m.user_id === u.a.id)?.no_conflict_declared_at).not.toBeNull();
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['action', 'before', 'after', 'actor_id'])
			.where('evaluation_id', '=', id)
			.where('action', '=', 'update-setup')
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0].actor_id).toBe(u.coordinator.id);
		expect(audit[0].after).toMatchObject({
			added: [u.c.id],
			removed: [u.b.id],
			answersDue: '2030-02-01'
		});
	});

	it('refuses a stale form, a contact of another municipality, dates out of order: nothing written', async () => {
		const id = await evaluation(2031, 'insamling');
		const { rowVersion } = (await loadEvaluationSetup(t.db, id))!;
		await expect(
			updateEvaluationSetup(
				t.db,
				actor(),
				id,
				change({ contactUserId: u.contact.id }, rowVersion + 5)
			)
		).rejects.toMatchObject({ message: 'ws.errors.stale' });
		await expect(
			updateEvaluationSetup(
				t.db,
				actor(),
				id,
				change({ contactUserId: u.otherContact.id }, rowVersion)
			)
		).rejects.toMatchObject({ message: 'ws.errors.contact' });
		await expect(
			updateEvaluationSetup(
				t.db,
				actor(),
				id,
				change({ visitStart: '2031-05-01', factCheckDue: '2031-04-01' }, rowVersion)
			)
		).rejects.toMatchObject({ message: 'setup.errors.dateOrder', field: 'factCheckDue' });
		await expect(
			updateEvaluationSetup(
				t.db,
				actor(),
				id,
				change({ teamUserIds: [u.a.id, u.contact.id] }, rowVersion)
			)
		).rejects.toMatchObject({ message: 'ws.errors.team' });
		const after = (await loadEvaluationSetup(t.db, id))!;
		expect(after).toMatchObject({ rowVersion, contactUserId: null, visitStart: null });
		const audit = await t.db
			.selectFrom('audit_log')
			.select('id')
			.where('evaluation_id', '=', id)
			.where('action', '=', 'update-setup')
			.execute();
		expect(audit).toHaveLength(0);
	});

	it('keeps a member who has a score sheet, and changes nothing once published', async () => {
		const id = await evaluation(2032, 'poangsattning');
		await t.db.insertInto('score_sheet').values({ evaluation_id: id, user_id: u.b.id }).execute();
		const { rowVersion } = (await loadEvaluationSetup(t.db, id))!;
		await expect(
			updateEvaluationSetup(t.db, actor(), id, change({ teamUserIds: [u.a.id] }, rowVersion))
		).rejects.toMatchObject({ message: 'setup.errors.memberHasSheet' });
		const published = await evaluation(2033, 'publicerad');
		const p = (await loadEvaluationSetup(t.db, published))!;
		await expect(
			updateEvaluationSetup(t.db, actor(), published, change({}, p.rowVersion))
		).rejects.toMatchObject({ message: 'setup.errors.published' });
	});
});

describe('createEvaluation', () => {
	it('refuses a duplicate municipality and year, naming the existing evaluation', async () => {
		const id = await evaluation(2034, 'insamling');
		const error = await createTestEvaluation(t.db, {
			municipalityCode: '1880',
			year: 2034
		}).catch((e) => e);
		expect(error).toBeInstanceOf(DuplicateEvaluationError);
		expect(error.existingId).toBe(id);
	});

	it('carries the governing documents over to a re-evaluation, with their text', async () => {
		const first = await evaluation(2035, 'publicerad');
		const enc = new TextEncoder();
		const docA = await addDocument(t.db, systemActor, first, {
			fileName: 'styrmodell.txt',
			bytes: enc.encode('Styrmodell för Hallsberg.\n\nMål och budget styr verksamheten.'),
			title: 'Styrmodell'
		});
		await extractStoredDocument(t.db, docA);
		const docB = await addDocument(t.db, systemActor, first, {
			fileName: 'gammal.txt',
			bytes: enc.encode('En gammal plan.'),
			title: 'Gammal plan'
		});
		await extractStoredDocument(t.db, docB);
		const second = await createTestEvaluation(t.db, {
			municipalityCode: '1880',
			year: 2036,
			teamUserIds: [u.a.id],
			contactUserId: u.contact.id,
			previousEvaluationId: first
		});
		// The files are copied at once, their pages right after (off the request path).
		const waiting = await t.db
			.selectFrom('source_document')
			.select('status')
			.where('evaluation_id', '=', second)
			.execute();
		expect(waiting.map((d) => d.status)).toEqual(['bearbetas', 'bearbetas']);
		await finishCarriedDocuments(t.db, second);
		const carried = await carriedDocuments(second);
		expect(carried.map((d) => [d.title, d.stillApplies])).toEqual([
			['Styrmodell', null],
			['Gammal plan', null]
		]);
		const copy = await t.db
			.selectFrom('source_document')
			.select(['id', 'status', 'page_count', 'carried_from_id', 'content'])
			.where('id', '=', carried[0].id)
			.executeTakeFirstOrThrow();
		expect(copy).toMatchObject({ status: 'klar', carried_from_id: docA });
		expect(new TextDecoder().decode(copy.content)).toContain('Hallsberg');
		const pages = await listDocumentPages(t.db, copy.id);
		expect(pages.map((p) => p.text).join(' ')).toContain('Mål och budget');
		expect(pages.length).toBe(copy.page_count);

		// The contact says the old plan no longer applies: its task is done, and the plan does not
		// come along to the evaluation after.
		await t.db
			.updateTable('evaluation')
			.set({ status: 'insamling' })
			.where('id', '=', second)
			.execute();
		const before = await loadTasks(t.db, second, u.contact.id, 'municipality', '2036-01-01');
		expect(before.tasks.map((x) => x.code)).toContain('markDocuments');
		await markCarriedDocument(
			t.db,
			{ id: u.contact.id, email: u.contact.email },
			second,
			carried[0].id,
			true
		);
		await markCarriedDocument(
			t.db,
			{ id: u.contact.id, email: u.contact.email },
			second,
			carried[1].id,
			false
		);
		const after = await loadTasks(t.db, second, u.contact.id, 'municipality', '2036-01-01');
		expect(after.tasks.map((x) => x.code)).not.toContain('markDocuments');
		await t.db
			.updateTable('evaluation')
			.set({ status: 'publicerad' })
			.where('id', '=', second)
			.execute();
		const third = await createTestEvaluation(t.db, {
			municipalityCode: '1880',
			year: 2037,
			previousEvaluationId: second
		});
		expect((await carriedDocuments(third)).map((d) => d.title)).toEqual(['Styrmodell']);
		// A copy whose claim is another's (a process that died) is left to the extraction queue.
		await t.db
			.updateTable('source_document')
			.set({ claimed_by: 'other:1' })
			.where('evaluation_id', '=', third)
			.execute();
		await finishCarriedDocuments(t.db, third);
		const left = await t.db
			.selectFrom('source_document')
			.select(['status', 'id'])
			.where('evaluation_id', '=', third)
			.executeTakeFirstOrThrow();
		expect(left.status).toBe('bearbetas');
		expect(await listDocumentPages(t.db, left.id)).toEqual([]);
	});
});

describe('loadTasks', () => {
	it("gives a new member the declaration, a declared one the evaluator's steps", async () => {
		const id = await evaluation(2038, 'poangsattning');
		const tasksOf = async (user: SessionUser) =>
			(await loadTasks(t.db, id, user.id, 'evaluator', '2038-01-01')).tasks.map((x) => x.code);
		expect(await tasksOf(u.a)).toEqual(['submitSheet']);
		await t.db
			.insertInto('evaluation_member')
			.values({ evaluation_id: id, user_id: u.c.id })
			.execute();
		expect(await tasksOf(u.c)).toEqual(['declareNoConflict']);
		const outsider = await loadTasks(t.db, id, u.b.id, null, '2038-01-01');
		expect(outsider.tasks).toEqual([]);
	});
});
