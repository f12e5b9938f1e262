/**
 * The evaluator's own blind sheet as an Excel file, and back: evaluators score on the train in
 * Excel. The layout and the checks are the domain's (domain/sheet-file.ts); this file only writes
 * and reads the workbook with exceljs. The file carries one sheet, the caller's own: it is built
 * from loadOwnSheet, never from listSheets.
 */
import type { Rubric } from '$lib/domain/rubric';
import type { Locale } from '$lib/i18n';
import { translator } from '$lib/i18n/lookup';
import {
	columnLetter,
	formatMarker,
	parseMarker,
	sheetColumns as col,
	type SheetFileRow,
	type SheetMarker
} from '$lib/domain/sheet-file';
import type { SheetScore } from './scores';
import { cellText, createWorkbook, readFirstSheet, workbookBytes } from '../office/workbook';

/**
 * The sheet as a workbook: a header row, per area a row with its sum as a formula and one row per
 * subarea (id as text, title with the guidance as a note, max, points with a whole-number 0–max
 * validation, justification), a total, a frozen header and the marker in a hidden column.
 */
export async function buildSheetXlsx(input: {
	rubric: Rubric;
	scores: Record<string, SheetScore>;
	marker: SheetMarker;
	locale: Locale;
	title: string;
}): Promise<Uint8Array> {
	const t = translator(input.locale);
	const { workbook, sheet } = await createWorkbook({
		sheetName: t('sheet.xlsx.name'),
		title: input.title,
		columns: [
			{ width: 11 },
			{ width: 52 },
			{ width: 7 },
			{ width: 8 },
			{ width: 80 },
			{ width: 10, hidden: true }
		],
		header: [
			t('sheet.xlsx.subarea'),
			t('sheet.xlsx.title'),
			t('sheet.xlsx.max'),
			t('sheet.xlsx.points'),
			t('sheet.xlsx.justification'),
			formatMarker(input.marker)
		]
	});
	const P = columnLetter(col.points);
	const areaRows: number[] = [];
	let row = 2;
	for (const area of input.rubric.areas) {
		const first = row + 1;
		const last = row + area.subareas.length;
		const sum = area.subareas.reduce((n, s) => n + (input.scores[s.id]?.points ?? 0), 0);
		const areaRow = sheet.getRow(row);
		areaRow.getCell(col.id).value = area.id;
		areaRow.getCell(col.title).value = area.title;
		areaRow.getCell(col.max).value = area.maxPoints;
		areaRow.getCell(col.points).value = { formula: `SUM(${P}${first}:${P}${last})`, result: sum };
		areaRow.font = { bold: true };
		areaRows.push(row);
		row++;
		for (const s of area.subareas) {
			const score = input.scores[s.id];
			const r = sheet.getRow(row);
			const id = r.getCell(col.id);
			id.value = s.id;
			// Text, so Excel never turns "1.10" into the number 1.1.
			id.numFmt = '@';
			const title = r.getCell(col.title);
			title.value = s.title;
			if (s.guidance) title.note = s.guidance;
			r.getCell(col.max).value = s.maxPoints;
			const points = r.getCell(col.points);
			points.value = score?.points ?? null;
			points.dataValidation = {
				type: 'whole',
				operator: 'between',
				allowBlank: true,
				formulae: [0, s.maxPoints],
				showErrorMessage: true,
				errorStyle: 'stop',
				errorTitle: t('sheet.xlsx.points'),
				error: t('sheet.xlsx.validation', { max: s.maxPoints })
			};
			const justification = r.getCell(col.justification);
			justification.value = score?.justification ?? '';
			justification.alignment = { wrapText: true, vertical: 'top' };
			row++;
		}
	}
	const total = sheet.getRow(row + 1);
	total.getCell(col.title).value = t('report.total');
	total.getCell(col.max).value = input.rubric.maxPoints;
	total.getCell(col.points).value = {
		formula: areaRows.map((r) => `${P}${r}`).join('+'),
		result: Object.values(input.scores).reduce((n, s) => n + (s.points ?? 0), 0)
	};
	total.font = { bold: true };
	return workbookBytes(workbook);
}

/** A points cell: a number as a number, a formula by its result, anything else as typed. */
function points(value: unknown): unknown {
	if (value && typeof value === 'object' && 'result' in value)
		return (value as { result: unknown }).result;
	return value;
}

/**
 * The subarea rows and the marker of an uploaded file, or null when it is not a workbook with a
 * sheet marker. Area and total rows are recognised by their id (an area's, or none) and skipped.
 */
export async function readSheetXlsx(
	bytes: Uint8Array,
	rubric: Rubric
): Promise<{ marker: SheetMarker; rows: SheetFileRow[] } | null> {
	const sheet = await readFirstSheet(bytes);
	const marker = sheet && parseMarker(cellText(sheet.getRow(1).getCell(col.marker).value));
	if (!marker) return null;
	const areaIds = new Set(rubric.areas.map((a) => a.id));
	const rows: SheetFileRow[] = [];
	sheet.eachRow((r, n) => {
		if (n === 1) return;
		const id = cellText(r.getCell(col.id).value).trim();
		if (!id || areaIds.has(id)) return;
		rows.push({
			row: n,
			id,
			points: points(r.getCell(col.points).value),
			justification: cellText(r.getCell(col.justification).value)
		});
	});
	return { marker, rows };
}
