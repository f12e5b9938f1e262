/**
 * The Excel round trip shared by the files a team downloads, fills in and uploads again (the
 * blind sheet, the written answers): a workbook with a frozen bold header row, and reading back
 * the first sheet of an upload with each cell as the text a person typed. exceljs is loaded on
 * first use, since most requests never touch a workbook.
 */
import type { Column, Workbook, Worksheet } from 'exceljs';

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exceljs = async () => (await import('exceljs')).default;

/**
 * A workbook with one sheet: the columns as given, the header as row 1 in bold, frozen so it
 * stays in view while scrolling.
 */
export async function createWorkbook(input: {
	sheetName: string;
	title?: string;
	columns: Partial<Column>[];
	header: string[];
}): Promise<{ workbook: Workbook; sheet: Worksheet }> {
	const ExcelJS = await exceljs();
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Kommunkompassen';
	if (input.title) workbook.title = input.title;
	const sheet = workbook.addWorksheet(input.sheetName, {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	sheet.columns = input.columns;
	const header = sheet.getRow(1);
	header.values = input.header;
	header.font = { bold: true };
	return { workbook, sheet };
}

/** The workbook as the bytes of an .xlsx file. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The first sheet of an uploaded file, or null when the bytes are not a workbook with a sheet. */
export async function readFirstSheet(bytes: Uint8Array): Promise<Worksheet | null> {
	const ExcelJS = await exceljs();
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		return null;
	}
	return workbook.worksheets[0] ?? null;
}

/** A cell's value as text: rich text joined, a formula by its result, a hyperlink by its text. */
export function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') {
		const v = value as { richText?: { text: string }[]; result?: unknown; text?: string };
		if (v.richText) return v.richText.map((r) => r.text).join('');
		if ('result' in v) return cellText(v.result);
		if (typeof v.text === 'string') return v.text;
	}
	return String(value);
}
