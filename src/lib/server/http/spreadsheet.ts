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
import type { Locale } from '$lib/i18n';

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

/**
 * The two CSV dialects every CSV download offers. `sv`: what Excel set to Swedish opens by a
 * double-click (semicolon between fields, decimal comma); `intl`: RFC 4180 (comma, decimal point),
 * what scripts and Excel in English read. Both are UTF-8 with a BOM, so Excel reads åäö.
 */
export const csvDialects = ['sv', 'intl'] as const;
export type CsvDialect = (typeof csvDialects)[number];

/**
 * The dialect of a download: `?dialect=sv|intl` when given, else the reader's language (Swedish →
 * sv). `vary` names the request header the language came from, for caches, when it decided.
 */
export function csvDialectFor(
	url: URL,
	locale: Locale,
	languageFrom: 'Accept-Language' | 'Cookie'
): { dialect: CsvDialect; vary?: string } {
	const asked = url.searchParams.get('dialect');
	if (asked === 'sv' || asked === 'intl') return { dialect: asked };
	return { dialect: locale === 'sv' ? 'sv' : 'intl', vary: languageFrom };
}

/**
 * In the Swedish dialect numbers are written as text with a decimal comma; a negative one then
 * starts with a minus, which is a number to Excel, not a formula, so it is left as it is.
 */
const svFormulaStart = new RegExp(`^(?!-\\d+(?:,\\d+)?$)${formulaStart.source.slice(1)}`);

/** A date cell as the CSV writes it: the calendar day. */
const csvCell = (value: Cell) => (value instanceof Date ? value.toISOString().slice(0, 10) : value);

export function toCsv(header: string[], rows: Cell[][], dialect: CsvDialect = 'intl'): string {
	const sv = dialect === 'sv';
	const dated = rows.map((row) => row.map(csvCell));
	const cells = sv
		? dated.map((row) => row.map((c) => (typeof c === 'number' ? String(c).replace('.', ',') : c)))
		: dated;
	const csv = Papa.unparse([header, ...cells], {
		escapeFormulae: sv ? svFormulaStart : formulaStart,
		delimiter: sv ? ';' : ',',
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
	options: { open?: boolean; csv?: { dialect: CsvDialect; vary?: string } } = {}
) {
	const headers =
		options.open === false ? { 'cache-control': 'private, no-store' } : openDataHeaders();
	if (format === 'csv') {
		return new Response(toCsv(header, rows, options.csv?.dialect), {
			headers: {
				...headers,
				...(options.csv?.vary ? { vary: options.csv.vary } : {}),
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
