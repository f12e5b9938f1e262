/** A link to the good-examples library reads back as the filters it was made from. */
import { describe, expect, it } from 'vitest';
import { examplesHref, howOthersHref } from '../../src/lib/domain/good-examples';
import {
	pageParameterNames,
	parseGoodExamplesQuery
} from '../../src/lib/server/results/good-examples';

const read = (href: string) =>
	parseGoodExamplesQuery(new URL(href, 'http://localhost').searchParams, pageParameterNames);

describe('good-examples links', () => {
	it('"how others do it" names the area and the municipality to beat', () => {
		expect(howOthersHref('5', '1883')).toBe('/goda-exempel?omrade=5&hogreAn=1883');
		expect(read(howOthersHref('5', '1883'))).toMatchObject({
			query: { area: '5', betterThan: '1883' }
		});
	});

	it('round-trips every filter, words with å/ä/ö and spaces included', () => {
		const filters = {
			q: 'medborgardialog & unga',
			area: '1',
			subarea: '1.2',
			rubric: 'kommunkompassen-2020',
			county: '18',
			year: 2022,
			offset: 25
		};
		expect(read(examplesHref(filters))).toEqual({
			query: { ...filters, betterThan: undefined, limit: 50 }
		});
	});

	it('leaves out empty filters', () => {
		expect(examplesHref({ q: '', area: null, offset: 0 })).toBe('/goda-exempel?fran=0');
		expect(examplesHref({})).toBe('/goda-exempel');
	});
});
