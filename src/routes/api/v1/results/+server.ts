import { listRubrics } from '$lib/server/register/rubrics';
import { badRequest, openDataJson } from '$lib/server/http/api-responses';
import {
	exchangeRecords,
	listPublishedResults,
	parseResultsQuery,
	resultRows
} from '$lib/server/results/open-data';
import { csvDialectFor, tabularResponse } from '$lib/server/http/spreadsheet';
import { apiLocale } from '$lib/server/http/locale';
import type { RequestHandler } from './$types';

/** Published results in the exchange format (or CSV/XLSX with ?format=). */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	const query = await parseResultsQuery(
		locals.db,
		url.searchParams,
		apiLocale(request.headers.get('accept-language'))
	);
	if ('error' in query) return badRequest(query.error);
	const rubrics = await listRubrics(locals.db);
	const results = await listPublishedResults(locals.db, {
		rubricId: query.rubric,
		municipalityCodes: query.municipality ? [query.municipality] : undefined,
		from: query.from,
		to: query.to
	});
	if (query.format !== 'json') {
		const used = rubrics.filter((r) => results.some((x) => x.rubricId === r.id));
		const { header, rows } = resultRows(results, used);
		return tabularResponse(query.format, 'kommunkompassen-resultat', header, rows, {
			csv: csvDialectFor(url, apiLocale(request.headers.get('accept-language')), 'Accept-Language')
		});
	}
	return openDataJson(
		await exchangeRecords(locals.db, results, new Map(rubrics.map((r) => [r.id, r])))
	);
};
