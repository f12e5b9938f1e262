/** The action plan's CSV/XLSX for a council: its language, statuses as written, typed dates. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { actionPlanTable } from '../../src/lib/server/action-plans/table';
import { toCsv, toXlsx } from '../../src/lib/server/http/spreadsheet';
import type { ActionItemView } from '../../src/lib/server/action-plans/action-plans';

const item = (over: Partial<ActionItemView>): ActionItemView => ({
	id: 1,
	title: 'Dialogforum för unga vuxna',
	description: 'Fyra träffar per år',
	ownerRole: 'Demokratiutvecklare',
	startDate: '2024-02-01',
	targetDate: '2025-12-31',
	status: 'pagar',
	improvementIds: [11],
	recommendationIds: [],
	rowVersion: 1,
	notes: [
		{ id: 1, notedOn: '2024-03-01', text: 'Första träffen hållen' },
		{ id: 2, notedOn: '2024-06-01', text: 'Andra träffen hållen' }
	],
	from: { subareaId: null, selfAssessmentId: null, assessedOn: null },
	...over
});
const items = [
	item({}),
	item({ id: 2, title: 'Ny styrmodell', status: 'genomford', startDate: null, notes: [] })
];
const improvements = [{ id: 11, areaId: '1', text: 'Följ upp medborgardialoger' }];
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trim()).data;
const csvIn = (locale: 'sv' | 'en') => {
	const { header, rows } = actionPlanTable(items, improvements, [], locale);
	return parse(toCsv(header, rows));
};

describe('the action plan export', () => {
	it('has a Swedish header in Swedish and an English one in English', () => {
		const [sv, en] = [csvIn('sv'), csvIn('en')];
		expect(sv[0].slice(0, 4)).toEqual(['Åtgärd', 'Beskrivning', 'Ansvarig', 'Status']);
		expect(en[0].slice(0, 4)).toEqual(['Action', 'Description', 'Owner', 'Status']);
		expect(sv[0].join(' ')).not.toMatch(/_/);
	});

	it('writes statuses as words with their diacritics, the description and every note', () => {
		const { header, rows } = actionPlanTable(items, improvements, [], 'sv');
		const csv = parse(toCsv(header, rows));
		expect(csv[1][3]).toBe('Pågår');
		expect(csv[2][3]).toBe('Genomförd');
		expect(csv[1][1]).toBe('Fyra träffar per år');
		const notes = csv[1][header.indexOf('Lägesrapporter')];
		expect(notes).toContain('2024-03-01: Första träffen hållen');
		expect(notes).toContain('2024-06-01: Andra träffen hållen');
		expect(csv[1][4]).toBe('2024-02-01');
	});

	it('has typed dates in the XLSX', async () => {
		const { header, rows } = actionPlanTable(items, improvements, [], 'sv');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx('Handlingsplan', header, rows)).buffer as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const start = sheet.getRow(2).getCell(5);
		expect(start.type).toBe(ExcelJS.ValueType.Date);
		expect((start.value as Date).toISOString().slice(0, 10)).toBe('2024-02-01');
		expect(sheet.getRow(3).getCell(5).value).toBeNull();
		expect(sheet.getRow(2).getCell(4).value).toBe('Pågår');
	});
});
