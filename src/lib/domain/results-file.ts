/**
 * Reading a results file (JSON in the exchange format, one object or an array; or CSV) into raw
 * records, each with a label that names it in error messages ("post 3", "rad 4").
 */
import { findTextProblems, textProblemMessage } from './text';
import Papa from 'papaparse';

export interface RawRecord {
	/** Where the record is: 'record 1' (JSON, 1-based index) or 'line 2' (CSV, counting the header as line 1). */
	label: string;
	value: unknown;
}

export type ParsedFile =
	| { ok: true; kind: 'json' | 'csv'; records: RawRecord[] }
	| { ok: false; problems: { record: string; field: string; message: string }[] };

/**
 * The text of an uploaded results file, whatever encoding the spreadsheet saved it in. UTF-8
 * (with or without BOM) and UTF-16 with a BOM are read as such. Anything that is not valid UTF-8
 * is Windows-1252 (Latin-1 plus the typographic quotes): what Excel on a Swedish Windows writes
 * as "CSV", where reading it as UTF-8 would silently turn every å, ä and ö into U+FFFD.
 */
export function decodeResultsFile(bytes: Uint8Array): { text: string; encoding: string } {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
	}
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
	} catch {
		return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
	}
}

// Windows-1252's 0x80–0x9F (Latin-1 has control characters there). Written out because Node's
// TextDecoder('windows-1252') decodes these bytes as Latin-1 when built without full ICU.
const cp1252High =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
	let text = '';
	for (const b of bytes) {
		text += b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80] : String.fromCharCode(b);
	}
	return text;
}

export function parseResultsFile(text: string, fileName = ''): ParsedFile {
	const body = text.replace(/^\uFEFF/, '');
	const trimmed = body.trim();
	if (!trimmed)
		return { ok: false, problems: [{ record: 'file', field: '', message: 'the file is empty' }] };
	const looksJson =
		trimmed.startsWith('{') || trimmed.startsWith('[') || fileName.toLowerCase().endsWith('.json');
	const parsed = looksJson ? parseJson(trimmed) : parseCsv(body);
	if (!parsed.ok) return parsed;
	// Text the database cannot store as given is one more problem of the file, like a bad value.
	const problems = parsed.records.flatMap((r) =>
		findTextProblems(r.value).map((p) => ({
			record: r.label,
			field: p.path,
			message: textProblemMessage[p.problem]
		}))
	);
	return problems.length ? { ok: false, problems } : parsed;
}

function parseJson(text: string): ParsedFile {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return {
			ok: false,
			problems: [{ record: 'file', field: '', message: `not valid JSON: ${(e as Error).message}` }]
		};
	}
	const list = Array.isArray(data) ? data : [data];
	return {
		ok: true,
		kind: 'json',
		records: list.map((value, i) => ({ label: `record ${i + 1}`, value }))
	};
}

const subareaColumn = /^\d+\.\d+$/;
const areaColumn = /^area_(\d+)$/;

function parseCsv(text: string): ParsedFile {
	const parsed = Papa.parse<Record<string, string>>(text, {
		header: true,
		skipEmptyLines: 'greedy',
		delimitersToGuess: [',', ';', '\t'],
		transformHeader: (h) => h.trim()
	});
	const header = parsed.meta.fields ?? [];
	const problems: { record: string; field: string; message: string }[] = [];
	for (const required of ['municipality_code', 'year', 'rubric']) {
		if (!header.includes(required))
			problems.push({ record: 'line 1', field: required, message: 'missing column' });
	}
	for (const column of header) {
		if (
			!['municipality_code', 'year', 'rubric', 'total', 'evaluated_at', 'source'].includes(
				column
			) &&
			!subareaColumn.test(column) &&
			!areaColumn.test(column)
		) {
			problems.push({ record: 'line 1', field: column, message: 'unknown column' });
		}
	}
	for (const error of parsed.errors) {
		problems.push({ record: `line ${(error.row ?? 0) + 2}`, field: '', message: error.message });
	}
	if (problems.length) return { ok: false, problems };
	const records = parsed.data.map((row, i): RawRecord => {
		const label = `line ${i + 2}`;
		const num = (v: string | undefined) => {
			const s = (v ?? '').trim();
			return s === '' ? undefined : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
		};
		const scores: Record<string, unknown> = {};
		const areaScores: Record<string, unknown> = {};
		for (const column of header) {
			const value = num(row[column]);
			if (value === undefined) continue;
			if (subareaColumn.test(column)) scores[column] = value;
			const area = areaColumn.exec(column);
			if (area) areaScores[area[1]] = value;
		}
		const code = (row.municipality_code ?? '').trim();
		const value: Record<string, unknown> = {
			format: 'kommunkompassen-result/1',
			rubric: (row.rubric ?? '').trim(),
			// Spreadsheets drop leading zeros: "114" is Upplands Väsby's 0114.
			municipality: { code: /^\d{3}$/.test(code) ? `0${code}` : code },
			year: num(row.year)
		};
		if (Object.keys(scores).length) value.scores = scores;
		if (Object.keys(areaScores).length) value.areaScores = areaScores;
		const total = num(row.total);
		if (total !== undefined) value.total = total;
		if (row.evaluated_at?.trim()) value.evaluatedAt = row.evaluated_at.trim();
		if (row.source?.trim()) value.source = row.source.trim();
		return { label, value };
	});
	return { ok: true, kind: 'csv', records };
}
