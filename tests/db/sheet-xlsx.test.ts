/**
 * The blind sheet to Excel and back (issue 30, point 1), through the route's own download and
 * import action, with the file changed by exceljs as a person would in Excel.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { RequestEvent } from '@sveltejs/kit';
import { createTestEvaluation } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { declareNoConflict } from '../../src/lib/server/evaluations/evaluations';
import { loadOwnSheet, saveSheetScore } from '../../src/lib/server/scoring/scores';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { downloadOwnSheet, importOwnSheet } from '../../src/lib/server/actions/sheet-file';
import type { SessionUser } from '../../src/lib/server/auth/types';
import type { Rubric } from '../../src/lib/domain/rubric';

let t: TestDatabase;
let rubric: Rubric;
let a: SessionUser;
let b: SessionUser;
let id: number;
beforeAll(async () => {
	t = await createTestDatabase();
	rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
	a = await createUser(t.db, { role: 'evaluator' });
	b = await createUser(t.db, { role: 'evaluator' });
	id = await createTestEvaluation(t.db, {
		municipalityCode: '0114',
		rubricId: rubric.id,
		teamUserIds: [a.id, b.id]
	});
	await declareNoConflict(t.db, a, id);
	await declareNoConflict(t.db, b, id);
	await t.db
		.updateTable('evaluation')
		.set({ status: 'poangsattning' })
		.where('id', '=', id)
		.execute();
	await save(a, '1.1', 12, 'A:s motivering', 0);
	await save(b, '1.1', 3, 'B-HEMLIG motivering', 0);
});
afterAll(async () => {
	await t?.close();
});

function save(user: SessionUser, subareaId: string, points: number, text: string, v: number) {
	return saveSheetScore(t.db, user, rubric, id, {
		subareaId,
		points,
		justification: text,
		expectedVersion: v
	});
}

function event(user: SessionUser, form?: FormData) {
	return {
		locals: { db: t.db, user, locale: 'sv', session: null },
		params: { id: String(id) },
		request: new Request('http://localhost/', form ? { method: 'POST', body: form } : undefined)
	} as unknown as RequestEvent<{ id: string }>;
}

async function download(user: SessionUser) {
	const response = await downloadOwnSheet(event(user));
	expect(response.headers.get('content-type')).toContain('spreadsheetml');
	return new Uint8Array(await response.arrayBuffer());
}

async function open(bytes: Uint8Array) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	return workbook;
}

async function upload(user: SessionUser, workbook: ExcelJS.Workbook, confirm = false) {
	const form = new FormData();
	form.set('file', new File([await workbook.xlsx.writeBuffer()], 'blad.xlsx'));
	if (confirm) form.set('confirm', 'true');
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the action's union of answers
	return (await importOwnSheet(event(user, form))) as any;
}

/** The row of a subarea in the sheet, by its id in column A. */
function rowOf(sheet: ExcelJS.Worksheet, subareaId: string): ExcelJS.Row {
	let found: ExcelJS.Row | undefined;
	sheet.eachRow((r) => {
		if (r.getCell(1).value === subareaId) found = r;
	});
	return found!;
}

describe('the sheet as Excel', () => {
	it('holds the own sheet only: header, ids as text, points, formulas, validation, note, frozen header, version', async () => {
		const bytes = await download(a);
		const sheet = (await open(bytes)).worksheets[0];
		expect(sheet.getRow(1).values).toEqual([
			undefined,
			'Delområde',
			'Rubrik',
			'Max',
			'Poäng',
			'Motivering',
			expect.stringMatching(/^kommunkompassen-sheet\/1;evaluation=\d+;user=\d+;version=1$/)
		]);
		expect(sheet.getColumn(6).hidden).toBe(true);
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		// Area 1 on row 2, its subareas 1.1–1.5 on rows 3–7.
		expect(sheet.getCell('A2').value).toBe('1');
		expect(sheet.getCell('D2').value).toMatchObject({ formula: 'SUM(D3:D7)', result: 12 });
		expect(sheet.getCell('A3').value).toBe('1.1');
		expect(sheet.getCell('D3').value).toBe(12);
		expect(sheet.getCell('E3').value).toBe('A:s motivering');
		expect(sheet.getCell('A7').value).toBe('1.5');
		expect(sheet.getCell('D7').dataValidation).toMatchObject({
			type: 'whole',
			operator: 'between',
			formulae: [0, 30]
		});
		expect(typeof sheet.getCell('B3').note).toBe('string');
		const ids: string[] = [];
		sheet.eachRow((r) => {
			const v = r.getCell(1).value;
			if (typeof v === 'string' && v.includes('.')) ids.push(v);
		});
		expect(ids).toEqual(rubric.areas.flatMap((x) => x.subareas.map((s) => s.id)));
		// The other evaluator's sheet is never in the file, in any part of it.
		const zip = await JSZip.loadAsync(bytes);
		for (const name of Object.keys(zip.files)) {
			const text = (await zip.file(name)?.async('string')) ?? '';
			expect(text).not.toContain('B-HEMLIG');
		}
	});

	it('round trip: values, a justification and a cleared cell changed in Excel come back; the formulas stay', async () => {
		const workbook = await open(await download(a));
		const sheet = workbook.worksheets[0];
		rowOf(sheet, '1.2').getCell(4).value = 8;
		rowOf(sheet, '1.2').getCell(5).value = 'Skrivet i Excel på tåget';
		rowOf(sheet, '2.1').getCell(4).value = '7';
		rowOf(sheet, '1.5').getCell(5).value = { richText: [{ text: 'Fet ' }, { text: 'text' }] };
		const result = await upload(a, workbook);
		expect(result).toEqual({ action: 'importSheet', imported: 3 });
		const own = await loadOwnSheet(t.db, id, a.id);
		expect(own.scores['1.1']).toMatchObject({ points: 12, justification: 'A:s motivering' });
		expect(own.scores['1.2']).toMatchObject({
			points: 8,
			justification: 'Skrivet i Excel på tåget'
		});
		expect(own.scores['2.1']).toMatchObject({ points: 7 });
		expect(own.scores['1.5']).toMatchObject({ points: null, justification: 'Fet text' });
		// Each imported value audited like a typed one.
		const audit = await t.db
			.selectFrom('audit_log')
			.select(['entity_id', 'after'])
			.where('entity', '=', 'sheet_score')
			.where('actor_id', '=', a.id)
			.where('entity_id', 'like', '%:1.2')
			.execute();
		expect(audit).toHaveLength(1);
		// The other evaluator's sheet is untouched.
		const other = await loadOwnSheet(t.db, id, b.id);
		expect(Object.keys(other.scores)).toEqual(['1.1']);
		expect(other.scores['1.1']).toMatchObject({ points: 3, justification: 'B-HEMLIG motivering' });
		// The next download has the imported values and the formula's new result.
		const again = (await open(await download(a))).worksheets[0];
		expect(again.getCell('D4').value).toBe(8);
		expect(again.getCell('D2').value).toMatchObject({ formula: 'SUM(D3:D7)', result: 20 });
	});

	it('refuses a file with one value over the maximum whole, naming the cell and subarea, and writes nothing', async () => {
		const workbook = await open(await download(a));
		const sheet = workbook.worksheets[0];
		sheet.getCell('D4').value = 9; // 1.2: a valid change, not written either
		sheet.getCell('D7').value = 35; // 1.5: max 30
		sheet.getCell('D5').value = 'tolv'; // 1.3
		const before = await t.db
			.selectFrom('audit_log')
			.select((e) => e.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		const result = await upload(a, workbook);
		expect(result.status).toBe(400);
		expect(result.data.problems).toEqual([
			'D5 (1.3): tolv är inte ett heltal från 0 till 30',
			'D7 (1.5): 35 är över max 30'
		]);
		expect((await loadOwnSheet(t.db, id, a.id)).scores['1.2'].points).toBe(8);
		const after = await t.db
			.selectFrom('audit_log')
			.select((e) => e.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(after.n).toBe(before.n);
	});

	it('refuses a file made before the sheet was last saved, until the user confirms', async () => {
		const workbook = await open(await download(a));
		workbook.worksheets[0].getCell('D4').value = 10;
		const own = await loadOwnSheet(t.db, id, a.id);
		await save(a, '1.4', 5, 'Sparat i webben', 0);
		const refused = await upload(a, workbook);
		expect(refused.status).toBe(409);
		expect(refused.data.confirm).toBe(true);
		expect((await loadOwnSheet(t.db, id, a.id)).scores['1.2'].points).toBe(
			own.scores['1.2'].points
		);
		const confirmed = await upload(a, workbook, true);
		expect(confirmed).toEqual({ action: 'importSheet', imported: 2 });
		const now = await loadOwnSheet(t.db, id, a.id);
		expect(now.scores['1.2'].points).toBe(10);
		// The file had 1.4 blank: confirming means the file's values replace the saved ones.
		expect(now.scores['1.4'].points).toBeNull();
	});

	it("never imports the other evaluator's file into one's own sheet", async () => {
		const workbook = await open(await download(b));
		const result = await upload(a, workbook);
		expect(result.status).toBe(400);
		expect(result.data.errors.file).toContain('annat poängblad');
		expect((await loadOwnSheet(t.db, id, a.id)).scores['1.1'].points).toBe(12);
	});
});
