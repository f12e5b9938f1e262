/**
 * The open-data API's shared parts: query parsing with clear 400s, and the rows that the CSV/XLSX
 * renderings (http/spreadsheet.ts) carry.
 */
import { z } from 'zod';
import type { Database } from '../db';
import { findMunicipalityByCode } from '../register/municipalities';
import { findRubricById } from '../register/rubrics';
import { listPublishedResults, type PublishedResultView } from '../published/comparisons';
import { loadPublishedContents } from '../published/versions';
import type { Rubric } from '$lib/domain/rubric';
import { toExchangeFormat } from '$lib/domain/exchange';
import { type Locale } from '$lib/i18n';
import { m } from '$lib/paraglide/messages.js';

const year = z.coerce.number().int().min(1990).max(2100);
export const resultsQuerySchema = z.object({
	rubric: z.string().min(1).optional(),
	municipality: z
		.string()
		.regex(/^\d{4}$/, 'municipality must be a four-digit code')
		.optional(),
	from: year.optional(),
	to: year.optional(),
	format: z.enum(['json', 'csv', 'xlsx']).default('json'),
	/** CSV only: sv (semicolon, decimal comma) or intl; absent: by the reader's language. */
	dialect: z.enum(['sv', 'intl']).optional()
});

export type ApiQueryError = { error: string };

/** A query parameter zod refused, in the API's answer language (see apiLocale). */
export function invalidParameter(issue: z.core.$ZodIssue, locale: Locale): string {
	// zod's own wording, in the answer's language (its Swedish locale for a Swedish answer).
	const detail =
		locale === 'sv'
			? (swedishZod.localeError(issue as z.core.$ZodRawIssue) ?? issue.message)
			: issue.message;
	return m['api.error.invalid'](
		{ name: issue.path.join('.') || 'query', detail: String(detail) },
		{ locale }
	);
}

const swedishZod = z.locales.sv();

/** Parses and checks the query; unknown rubric or municipality codes are errors. */
export async function parseResultsQuery(db: Database, params: URLSearchParams, locale: Locale) {
	const parsed = resultsQuerySchema.safeParse(
		Object.fromEntries([...params].filter(([, v]) => v !== '')),
		// The refused value goes into the message (invalidParameter, in the answer's language).
		{ reportInput: true }
	);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { error: invalidParameter(issue, locale) } as ApiQueryError;
	}
	if (parsed.data.rubric && !(await findRubricById(db, parsed.data.rubric)))
		return {
			error: m['api.error.unknownRubric']({ id: parsed.data.rubric }, { locale })
		} as ApiQueryError;
	if (parsed.data.municipality && !(await findMunicipalityByCode(db, parsed.data.municipality))) {
		return {
			error: m['api.error.unknownMunicipality']({ code: parsed.data.municipality }, { locale })
		} as ApiQueryError;
	}
	return parsed.data;
}

/** Results in the exchange format with derived areaScores and total filled in. */
export async function exchangeRecords(
	db: Database,
	results: PublishedResultView[],
	rubrics: Map<string, Rubric>
) {
	const byId = await loadPublishedContents(
		db,
		results.map((r) => r.publishedResultId)
	);
	return results.map((r) =>
		toExchangeFormat(byId.get(r.publishedResultId)!, rubrics.get(r.rubricId)!)
	);
}

export { listPublishedResults };

/**
 * One row per result: code, name, year, rubric with its version year (totals of different
 * versions are not comparable), each subarea, each area, total.
 */
export function resultRows(results: PublishedResultView[], rubrics: Rubric[]) {
	const versionYear = new Map(rubrics.map((r) => [r.id, r.year]));
	const subareaIds = [
		...new Set(rubrics.flatMap((r) => r.areas.flatMap((a) => a.subareas.map((s) => s.id))))
	].sort(compareIds);
	const areaIds = [...new Set(rubrics.flatMap((r) => r.areas.map((a) => a.id)))].sort(compareIds);
	const header = [
		'municipality_code',
		'municipality',
		'year',
		'rubric',
		'rubric_year',
		...subareaIds,
		...areaIds.map((a) => `area_${a}`),
		'total'
	];
	const rows = results.map((r) => [
		r.municipalityCode,
		r.municipalityName,
		r.year,
		r.rubricId,
		versionYear.get(r.rubricId) ?? null,
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
