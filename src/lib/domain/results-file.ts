/**
 * Reading a results file (JSON in the exchange format, one object or an array; or CSV) into raw
 * records, each with a label that names it in error messages ("post 3", "rad 4").
 */
import Papa from 'papaparse';

export interface RawRecord {
	/** Where the record is: 'record 1' (JSON, 1-based index) or 'line 2' (CSV, counting the header as line 1). */
	label: string;
	value: unknown;
}

export type ParsedFile =
	| { ok: true; kind: 'json' | 'csv'; records: RawRecord[] }
	| { ok: false; problems: { record: string; field: string; message: string }[] };

export function parseResultsFile(text: string, fileName = ''): ParsedFile {
	const body = text.replace(/^\uFEFF/, '');
	const trimmed = body.trim();
	if (!trimmed)
		return { ok: false, problems: [{ record: 'file', field: '', message: 'the file is empty' }] };
	const looksJson =
		trimmed.startsWith('{') || trimmed.startsWith('[') || fileName.toLowerCase().endsWith('.json');
	return looksJson ? parseJson(trimmed) : parseCsv(body);
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
