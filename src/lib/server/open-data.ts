/**
 * The open-data API's shared parts: query parsing with clear 400s, and CSV/XLSX renderings of
 * the same rows the JSON carries.
 */
import { z } from 'zod';
import type { Database } from './db';
import { findMunicipalityByCode } from './repositories/municipalities';
import { findRubricById } from './repositories/rubrics';
import { listPublishedResults, type PublishedResultView } from './repositories/comparisons';
import type { Rubric } from '$lib/domain/rubric';
import { toExchangeFormat } from '$lib/domain/exchange';
import type { EvaluationContent } from '$lib/domain/evaluation-content';

const year = z.coerce.number().int().min(1990).max(2100);
export const resultsQuerySchema = z.object({
	rubric: z.string().min(1).optional(),
	municipality: z
		.string()
		.regex(/^\d{4}$/, 'municipality must be a four-digit code')
		.optional(),
	from: year.optional(),
	to: year.optional(),
	format: z.enum(['json', 'csv', 'xlsx']).default('json')
});

export type ApiQueryError = { error: string };

/** Parses and checks the query; unknown rubric or municipality codes are errors. */
export async function parseResultsQuery(db: Database, params: URLSearchParams) {
	const parsed = resultsQuerySchema.safeParse(
		Object.fromEntries([...params].filter(([, v]) => v !== ''))
	);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { error: `${issue.path.join('.') || 'query'}: ${issue.message}` } as ApiQueryError;
	}
	if (parsed.data.rubric && !(await findRubricById(db, parsed.data.rubric)))
		return { error: `Unknown rubric "${parsed.data.rubric}"` } as ApiQueryError;
	if (parsed.data.municipality && !(await findMunicipalityByCode(db, parsed.data.municipality))) {
		return { error: `Unknown municipality code "${parsed.data.municipality}"` } as ApiQueryError;
	}
	return parsed.data;
}

/** Results in the exchange format with derived areaScores and total filled in. */
export async function exchangeRecords(
	db: Database,
	results: PublishedResultView[],
	rubrics: Map<string, Rubric>
) {
	const contents = results.length
		? await db
				.selectFrom('published_result')
				.select(['id', 'content'])
				.where(
					'id',
					'in',
					results.map((r) => r.publishedResultId)
				)
				.execute()
		: [];
	const byId = new Map(contents.map((c) => [c.id, c.content as EvaluationContent]));
	return results.map((r) =>
		toExchangeFormat(byId.get(r.publishedResultId)!, rubrics.get(r.rubricId)!)
	);
}

export { listPublishedResults };

/** One row per result: code, name, year, rubric, each subarea, each area, total. */
export function resultRows(results: PublishedResultView[], rubrics: Rubric[]) {
	const subareaIds = [
		...new Set(rubrics.flatMap((r) => r.areas.flatMap((a) => a.subareas.map((s) => s.id))))
	].sort(compareIds);
	const areaIds = [...new Set(rubrics.flatMap((r) => r.areas.map((a) => a.id)))].sort(compareIds);
	const header = [
		'municipality_code',
		'municipality',
		'year',
		'rubric',
		...subareaIds,
		...areaIds.map((a) => `area_${a}`),
		'total'
	];
	const rows = results.map((r) => [
		r.municipalityCode,
		r.municipalityName,
		r.year,
		r.rubricId,
		...subareaIds.map((id) => r.subareaScores?.[id] ?? null),
		...areaIds.map((id) => r.areaScores?.[id] ?? null),
		r.total
	]);
	return { header, rows };
}

function compareIds(a: string, b: string) {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	return pa[0] - pb[0] || (pa[1] ?? 0) - (pb[1] ?? 0);
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
	const cell = (v: string | number | null) => {
		if (v === null) return '';
		const s = String(v);
		return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	// BOM so Excel reads åäö as UTF-8.
	return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export async function toXlsx(
	sheetName: string,
	header: string[],
	rows: (string | number | null)[][]
): Promise<Uint8Array> {
	const ExcelJS = (await import('exceljs')).default;
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Kommunkompassen';
	const sheet = workbook.addWorksheet(sheetName);
	sheet.addRow(header).font = { bold: true };
	for (const row of rows) sheet.addRow(row);
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const corsHeaders = { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' };

export async function tabularResponse(
	format: 'csv' | 'xlsx',
	name: string,
	header: string[],
	rows: (string | number | null)[][],
	options: { open?: boolean } = {}
) {
	const headers = options.open === false ? { 'cache-control': 'private, no-store' } : corsHeaders;
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
