import {
	findGoodExamples,
	goodExampleFacets,
	pageParameterNames,
	parseGoodExamplesQuery
} from '$lib/server/results/good-examples';
import { findMunicipalityByCode } from '$lib/server/register/municipalities';
import type { PageServerLoad } from './$types';

const pageSize = 25;

/** Public: strengths from published reports, searchable and filterable; no sign-in needed. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const parsed = parseGoodExamplesQuery(url.searchParams, pageParameterNames);
	const facets = await goodExampleFacets(locals.db, locals.locale);
	if ('invalid' in parsed) {
		/** The filters that could not be read, named by their parameter; nothing is searched. */
		return { facets, invalid: parsed.invalid, query: null, result: null, betterThan: null };
	}
	const query = { ...parsed.query, limit: Math.min(parsed.query.limit, pageSize) };
	const [result, betterThan] = await Promise.all([
		findGoodExamples(locals.db, query, locals.locale),
		query.betterThan
			? findMunicipalityByCode(locals.db, query.betterThan)
			: Promise.resolve(undefined)
	]);
	return {
		/** Rubric versions, areas (of the 2020 rubric), counties and years that have strengths. */
		facets,
		invalid: null,
		/** The filters as read, for the form and the page links. */
		query,
		/** This page of hits and how many there are in all. */
		result,
		/** "Municipalities scoring higher than …" when the reader came from an improvement area. */
		betterThan: betterThan ? { code: betterThan.code, name: betterThan.name } : null
	};
};
