import { listRubrics } from '$lib/server/register/rubrics';
import { findMunicipalityByCode } from '$lib/server/register/municipalities';
import { badRequest, openDataJson } from '$lib/server/http/api-responses';
import { exchangeRecords, listPublishedResults, resultRows } from '$lib/server/results/open-data';
import { csvDialectFor, tabularResponse } from '$lib/server/http/spreadsheet';
import { apiLocale } from '$lib/server/http/locale';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages.js';

/** One municipality's published results over the years. */
export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	if (!/^\d{4}$/.test(params.code) || !(await findMunicipalityByCode(locals.db, params.code))) {
		return badRequest(
			m['api.error.unknownMunicipality'](
				{
					code: params.code
				},
				{ locale: apiLocale(request.headers.get('accept-language')) }
			)
		);
	}
	const rubrics = await listRubrics(locals.db);
	const results = await listPublishedResults(locals.db, { municipalityCodes: [params.code] });
	const format = url.searchParams.get('format');
	if (format === 'csv' || format === 'xlsx') {
		const { header, rows } = resultRows(
			results,
			rubrics.filter((r) => results.some((x) => x.rubricId === r.id))
		);
		return tabularResponse(format, `kommunkompassen-${params.code}`, header, rows, {
			csv: csvDialectFor(url, apiLocale(request.headers.get('accept-language')), 'Accept-Language')
		});
	}
	return openDataJson(
		await exchangeRecords(locals.db, results, new Map(rubrics.map((r) => [r.id, r])))
	);
};
