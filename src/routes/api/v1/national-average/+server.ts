import { z } from 'zod';
import { DEFAULT_RUBRIC } from '$lib/domain/rubric';
import { findRubricById } from '$lib/server/register/rubrics';
import { computeNationalAverage } from '$lib/server/published/comparisons';
import { loadRubricAggregate } from '$lib/server/published/aggregates';
import { badRequest, openDataJson } from '$lib/server/http/api-responses';
import { csvDialectFor, tabularResponse } from '$lib/server/http/spreadsheet';
import { apiLocale } from '$lib/server/http/locale';
import { invalidParameter } from '$lib/server/results/open-data';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';

const year = z.coerce.number().int().min(1990).max(2100);
const querySchema = z.object({
	rubric: z.string().min(1).default(DEFAULT_RUBRIC),
	from: year.optional(),
	to: year.optional(),
	/** true (default): each municipality once, its latest evaluation; false: every evaluation. */
	latest: z.enum(['true', 'false']).default('true'),
	format: z.enum(['json', 'csv', 'xlsx']).default('json'),
	/** CSV only: sv (semicolon, decimal comma) or intl; absent: by the reader's language. */
	dialect: z.enum(['sv', 'intl']).optional()
});

/**
 * The national average per area, subarea and total, each with the number of evaluations behind
 * it (`mean: null` below three), labelled with its rubric version (id, title, year): averages of
 * different versions are not comparable. Without a year range it is read precomputed.
 */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	const locale = apiLocale(request.headers.get('accept-language'));
	const parsed = querySchema.safeParse(
		Object.fromEntries([...url.searchParams].filter(([, v]) => v !== '')),
		// The refused value goes into the message (invalidParameter, in the answer's language).
		{ reportInput: true }
	);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return badRequest(invalidParameter(issue, locale));
	}
	const rubric = await findRubricById(locals.db, parsed.data.rubric);
	if (!rubric) {
		return badRequest(m['api.error.unknownRubric']({ id: parsed.data.rubric }, { locale }));
	}
	const latest = parsed.data.latest === 'true';
	const average =
		parsed.data.from || parsed.data.to
			? await computeNationalAverage(locals.db, rubric, {
					from: parsed.data.from,
					to: parsed.data.to,
					latest
				})
			: (await loadRubricAggregate(locals.db, rubric)).averages[latest ? 'latest' : 'all'];
	if (parsed.data.format !== 'json') {
		const version = [rubric.id, rubric.year];
		const rows: (string | number | null)[][] = [
			...Object.entries(average.areas).map(([id, v]) => [...version, 'area', id, v.mean, v.n]),
			...Object.entries(average.subareas).map(([id, v]) => [
				...version,
				'subarea',
				id,
				v.mean,
				v.n
			]),
			[...version, 'total', '', average.total.mean, average.total.n]
		];
		return tabularResponse(
			parsed.data.format,
			`nationellt-medelvarde-${rubric.id}`,
			['rubric', 'rubric_year', 'level', 'id', 'mean', 'n'],
			rows,
			{
				csv: csvDialectFor(
					url,
					apiLocale(request.headers.get('accept-language')),
					'Accept-Language'
				)
			}
		);
	}
	const { rubric: rubricId, ...figures } = average;
	return openDataJson({
		rubric: rubricId,
		rubricTitle: rubric.title,
		rubricYear: rubric.year,
		...figures
	});
};
