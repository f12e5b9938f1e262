/** The questions to Word and Excel, the answers back (issue 30, point 2). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { RequestEvent } from '@sveltejs/kit';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import {
	listWrittenAnswers,
	saveWrittenAnswer
} from '../../src/lib/server/sources/written-answers';
import { downloadQuestions, importAnswers } from '../../src/lib/server/actions/answer-files';
import { answerTargetsOf } from '../../src/lib/domain/sources';

/** Every answer target of the rubric, as the pages list them. */
const listAnswerTargets = (rubric: Rubric) =>
	rubric.areas.flatMap((a) => a.subareas.flatMap((s) => answerTargetsOf(s)));

/** The saved answer to one target, read the way the answers page reads them. */
async function findWrittenAnswer(
	db: TestDatabase['db'],
	evaluationId: number,
	subareaId: string,
	questionId: string | null
) {
	return (await listWrittenAnswers(db, evaluationId)).find(
		(a) => a.subareaId === subareaId && (a.questionId ?? null) === (questionId ?? null)
	);
}
import type { SessionUser } from '../../src/lib/server/auth/types';
import type { Rubric } from '../../src/lib/domain/rubric';

let t: TestDatabase;
let rubric: Rubric;
let contact: SessionUser;
let id: number;
beforeAll(async () => {
	t = await createTestDatabase();
	rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
	const evaluator = await createUser(t.db, { role: 'evaluator' });
	contact = await createUser(t.db, { role: 'municipality', municipalityCode: '0114' });
	id = await createTestEvaluation(t.db, {
		municipalityCode: '0114',
		rubricId: rubric.id,
		teamUserIds: [evaluator.id],
		contactUserId: contact.id
	});
	await t.db.updateTable('evaluation').set({ status: 'insamling' }).where('id', '=', id).execute();
});
afterAll(async () => {
	await t?.close();
});

function event(form?: FormData) {
	return {
		locals: { db: t.db, user: contact, locale: 'sv', session: null },
		params: { id: String(id) },
		request: new Request('http://localhost/', form ? { method: 'POST', body: form } : undefined)
	} as unknown as RequestEvent<{ id: string }>;
}

const bytes = async (r: Response) => new Uint8Array(await r.arrayBuffer());

async function upload(workbook: ExcelJS.Workbook) {
	const form = new FormData();
	form.set('file', new File([await workbook.xlsx.writeBuffer()], 'svar.xlsx'));
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the action's union of answers
	return (await importAnswers(event(form))) as any;
}

describe('the questions as files', () => {
	it('the Word file holds every question of the rubric, grouped by area', async () => {
		const docx = await bytes(await downloadQuestions(event(), 'docx'));
		const buffer = Buffer.from(docx);
		const text = (await mammoth.extractRawText({ buffer })).value.replace(/\s+/g, ' ');
		const { value: html } = await mammoth.convertToHtml({ buffer });
		const questions = rubric.areas.flatMap((a) =>
			a.subareas.flatMap((s) => (s.questions ?? []).map((q) => q.text))
		);
		expect(questions.length).toBeGreaterThan(0);
		for (const q of questions) expect(text).toContain(q.replace(/\s+/g, ' '));
		expect([...html.matchAll(/<h1>/g)]).toHaveLength(8);
		expect((html.match(/<table>/g) ?? []).length).toBe(36);
	});

	it('the answered Excel file imports: changed cells written, unchanged kept, conflicts refuse the whole file', async () => {
		const targets = listAnswerTargets(rubric);
		const [first, second] = targets;
		await saveWrittenAnswer(t.db, contact, id, first, 'Sparat i verktyget', 0);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(
			(await bytes(await downloadQuestions(event(), 'xlsx'))) as unknown as ArrayBuffer
		);
		const sheet = workbook.worksheets[0];
		expect(sheet.rowCount).toBe(targets.length + 1);
		expect(sheet.getCell('D2').value).toBe('Sparat i verktyget');
		sheet.getCell('D3').value = 'Svar från förvaltningen';
		expect(await upload(workbook)).toEqual({ action: 'importAnswers', imported: 1 });
		expect((await findWrittenAnswer(t.db, id, second.subareaId, second.questionId))?.answer).toBe(
			'Svar från förvaltningen'
		);
		expect((await findWrittenAnswer(t.db, id, first.subareaId, first.questionId))?.answer).toBe(
			'Sparat i verktyget'
		);
		// Changed here since the file was made, and in the file too: a conflict, nothing written.
		await saveWrittenAnswer(t.db, contact, id, first, 'Ändrat i verktyget', 1);
		sheet.getCell('D2').value = 'Ändrat i filen';
		sheet.getCell('D4').value = 'Ett tredje svar';
		const refused = await upload(workbook);
		expect(refused.status).toBe(400);
		expect(refused.data.problems).toEqual([
			`D2 (${first.questionId ?? first.subareaId}): svaret har ändrats här sedan filen skapades och är ändrat i filen också`
		]);
		const third = targets[2];
		expect(await findWrittenAnswer(t.db, id, third.subareaId, third.questionId)).toBeUndefined();
	});
});
