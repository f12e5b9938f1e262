/**
 * The one writer of every CSV and XLSX the app sends (open-data results, national averages,
 * action plans). Text that a spreadsheet would read as a formula is neutralised here, once, so no
 * export can forget it: OWASP's CSV-injection rule, a cell starting with = + - @, tab or carriage
 * return gets a leading apostrophe (the full-width = + - @ too, which some spreadsheets accept).
 * Numbers are written as numbers and left alone; a date (a `Date` at UTC midnight) is a date cell
 * in the XLSX and 'YYYY-MM-DD' in the CSV.
 */
import Papa from 'papaparse';
import { openDataHeaders } from './api-responses';

export type Cell = string | number | Date | null;

/**
 * Anchored at the start only: papaparse's own default pattern (`/^[=+\-@\t\r].*$/`) misses a
 * formula followed by a line break, because `.` stops at the newline.
 */
export const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell as it is written: text that could start a formula gets a leading apostrophe. */
export function neutraliseCell(value: Cell): Cell {
	return typeof value === 'string' && formulaStart.test(value) ? `'${value}` : value;
}

/** A date cell as the CSV writes it: the calendar day. */
const csvCell = (value: Cell) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

export function toCsv(header: string[], rows: Cell[][]): string {
	const csv = Papa.unparse([header, ...rows.map((row) => row.map(csvCell))], {
		escapeFormulae: formulaStart,
		newline: '\r\n',
		header: false
	});
	// BOM so Excel reads åäö as UTF-8.
	return '\uFEFF' + csv + '\r\n';
}

export async function toXlsx(sheetName: string, header: string[], rows: Cell[][]) {
	const ExcelJS = (await import('exceljs')).default;
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Kommunkompassen';
	const sheet = workbook.addWorksheet(sheetName);
	sheet.addRow(header.map(neutraliseCell)).font = { bold: true };
	for (const row of rows) {
		const added = sheet.addRow(row.map(neutraliseCell));
		row.forEach((value, i) => {
			if (value instanceof Date) added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
		});
	}
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A download of the rows as CSV or XLSX; `open: false` for private data (no CORS, no cache). */
export async function tabularResponse(
	format: 'csv' | 'xlsx',
	name: string,
	header: string[],
	rows: Cell[][],
	options: { open?: boolean } = {}
) {
	const headers =
		options.open === false ? { 'cache-control': 'private, no-store' } : openDataHeaders();
	if (format === 'csv') {
		return new Response(toCsv(header, rows), {
			headers: {
				...headers,
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}.csv`
			}
		});
	}
	return new Response((await toXlsx('Resultat', header, rows)) as BodyInit, {
		headers: {
			...headers,
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`
		}
	});
}
