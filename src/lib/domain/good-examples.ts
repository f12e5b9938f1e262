/**
 * The good-examples library's page parameters (issue 33), shared by the server that reads them
 * and the pages that link to it, so a link and its reader cannot drift apart.
 */

/** The page's Swedish parameter names for the filters the API names in English. */
export const examplePageParameters = {
	q: 'q',
	area: 'omrade',
	subarea: 'delomrade',
	rubric: 'version',
	county: 'lan',
	year: 'ar',
	betterThan: 'hogreAn',
	limit: 'antal',
	offset: 'fran'
} as const;

export type ExampleFilter = keyof typeof examplePageParameters;

/** A link to the library for these filters (empty ones left out). */
export function examplesHref(
	filters: Partial<Record<ExampleFilter, string | number | null>>
): string {
	const pairs = Object.entries(filters)
		.filter(([, value]) => value !== undefined && value !== null && value !== '')
		.map(
			([key, value]) =>
				`${examplePageParameters[key as ExampleFilter]}=${encodeURIComponent(String(value))}`
		);
	return `/goda-exempel${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

/** "How others do it": strengths in an area from municipalities scoring higher there. */
export const howOthersHref = (areaId: string, municipalityCode: string) =>
	examplesHref({ area: areaId, betterThan: municipalityCode });
