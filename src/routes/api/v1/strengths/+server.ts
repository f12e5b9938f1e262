import { badRequest, openDataJson } from '$lib/server/http/api-responses';
import { tabularResponse } from '$lib/server/http/spreadsheet';
import { apiLocale } from '$lib/server/http/locale';
import { findGoodExamples, parseGoodExamplesQuery } from '$lib/server/results/good-examples';
import type { RequestHandler } from './$types';

/**
 * Published strengths (the good-examples library): `?q=&area=&subarea=&rubric=&county=&year=
 * &limit=&offset=`, gold stars first; `&format=csv` for a spreadsheet.
 */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	const format = url.searchParams.get('format') ?? 'json';
	if (format !== 'json' && format !== 'csv') return badRequest('format must be json or csv');
	const parsed = parseGoodExamplesQuery(url.searchParams);
	if ('invalid' in parsed) return badRequest(`invalid parameter: ${parsed.invalid.join(', ')}`);
	const locale = apiLocale(request.headers.get('accept-language'));
	const { examples, total } = await findGoodExamples(locals.db, parsed.query, locale);
	const items = examples.map((e) => ({
		municipality: e.municipality,
		year: e.year,
		rubric: e.rubric.id,
		rubricTitle: e.rubric.title,
		rubricYear: e.rubric.year,
		area: e.area.id,
		subarea: e.subarea?.id ?? null,
		text: e.text,
		goldStar: e.goldStar
	}));
	if (format === 'csv') {
		return tabularResponse(
			'csv',
			'kommunkompassen-styrkor',
			[
				'municipality_code',
				'municipality',
				'year',
				'rubric',
				'rubric_year',
				'area',
				'subarea',
				'gold_star',
				'text'
			],
			items.map((i) => [
				i.municipality.code,
				i.municipality.name,
				i.year,
				i.rubric,
				i.rubricYear,
				i.area,
				i.subarea,
				i.goldStar ? 'true' : 'false',
				i.text
			])
		);
	}
	return openDataJson({
		total,
		limit: parsed.query.limit,
		offset: parsed.query.offset,
		items
	});
};
