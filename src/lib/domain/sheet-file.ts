/**
 * The evaluator's blind sheet as a spreadsheet file: its layout (which column holds what), its
 * version, and the check of a filled-in file against the rubric. Pure: exceljs reads and writes
 * the file in server/scoring/sheet-xlsx.ts, the database is written in one transaction by
 * repositories/sheet-import.ts; everything they agree on is here, once.
 */
import type { Rubric } from './rubric';
import { listSubareas } from './rubric';
import { textLimits } from './limits';
import type { Locale } from '../i18n';
import { translator } from '../i18n/lookup';

/** Columns of the sheet, 1-based as exceljs counts them. */
export const sheetColumns = {
	id: 1,
	title: 2,
	max: 3,
	points: 4,
	justification: 5,
	/** Hidden: the file's marker (which evaluation, whose sheet, which version). */
	marker: 6
} as const;

export const columnLetter = (column: number) => String.fromCharCode(64 + column);

/** The format's name, first in the marker, so a file of another kind is told apart. */
const markerFormat = 'kommunkompassen-sheet/1';

export interface SheetMarker {
	evaluationId: number;
	userId: number;
	version: number;
}

export function formatMarker(m: SheetMarker): string {
	return `${markerFormat};evaluation=${m.evaluationId};user=${m.userId};version=${m.version}`;
}

export function parseMarker(text: unknown): SheetMarker | null {
	if (typeof text !== 'string') return null;
	const match = new RegExp(
		`^${markerFormat.replace('/', '\\/')};evaluation=(\\d+);user=(\\d+);version=(\\d+)$`
	).exec(text.trim());
	return match
		? { evaluationId: Number(match[1]), userId: Number(match[2]), version: Number(match[3]) }
		: null;
}

/**
 * A sheet's version: the sum of its scores' row versions. Every save raises one row's version by
 * one (a cleared score too: rows are never deleted), so any save since the file was made changes
 * it, and an unchanged sheet keeps it.
 */
export function sheetVersion(scores: Record<string, { rowVersion: number }>): number {
	return Object.values(scores).reduce((n, s) => n + s.rowVersion, 0);
}

/** One subarea row as read from the file: the cell values as the spreadsheet holds them. */
export interface SheetFileRow {
	row: number;
	id: string;
	points: unknown;
	justification: string;
}

export interface SheetValue {
	subareaId: string;
	points: number | null;
	justification: string;
}

/**
 * Checks every subarea row of a file against the rubric: all or nothing, so every problem is
 * listed with its cell and subarea ("D7 (1.5): 25 är över max 20") and none is written if any.
 * A blank points cell clears the score, as a blank field in the form does.
 */
export function checkSheetRows(
	rubric: Rubric,
	rows: SheetFileRow[],
	locale: Locale
): { ok: true; values: SheetValue[] } | { ok: false; problems: string[] } {
	const t = translator(locale);
	const problems: string[] = [];
	const values: SheetValue[] = [];
	const seen = new Map<string, number>();
	const subareas = new Map(listSubareas(rubric).map((s) => [s.id, s]));
	const points = columnLetter(sheetColumns.points);
	for (const r of rows) {
		const subarea = subareas.get(r.id);
		const cell = `${points}${r.row}`;
		if (!subarea) {
			problems.push(t('sheet.import.unknownId', { cell: `A${r.row}`, id: r.id }));
			continue;
		}
		if (seen.has(r.id)) {
			problems.push(
				t('sheet.import.duplicate', { cell: `A${r.row}`, id: r.id, first: seen.get(r.id)! })
			);
			continue;
		}
		seen.set(r.id, r.row);
		const raw = typeof r.points === 'string' ? r.points.trim() : r.points;
		let value: number | null = null;
		if (raw !== null && raw !== undefined && raw !== '') {
			const n = typeof raw === 'number' ? raw : /^-?\d+$/.test(String(raw)) ? Number(raw) : NaN;
			if (!Number.isInteger(n) || n < 0) {
				problems.push(
					t('sheet.import.notWhole', { cell, id: r.id, value: String(raw), max: subarea.maxPoints })
				);
				continue;
			}
			if (n > subarea.maxPoints) {
				problems.push(
					t('sheet.import.overMax', { cell, id: r.id, value: n, max: subarea.maxPoints })
				);
				continue;
			}
			value = n;
		}
		if (r.justification.length > textLimits.justification) {
			problems.push(
				t('sheet.import.tooLong', {
					cell: `${columnLetter(sheetColumns.justification)}${r.row}`,
					id: r.id,
					max: textLimits.justification
				})
			);
			continue;
		}
		values.push({ subareaId: r.id, points: value, justification: r.justification });
	}
	for (const id of subareas.keys())
		if (!seen.has(id)) problems.push(t('sheet.import.missingRow', { id }));
	return problems.length ? { ok: false, problems } : { ok: true, values };
}
