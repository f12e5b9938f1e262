import { describe, expect, it } from 'vitest';
import { apiLocale } from '../../src/lib/server/http/locale';

describe('apiLocale: the open-data API answers in English unless Swedish is asked for', () => {
	it.each([
		[null, 'en'],
		['', 'en'],
		['*', 'en'],
		['de-DE,de;q=0.9', 'en'],
		['sv', 'sv'],
		['sv-SE,sv;q=0.9,en;q=0.8', 'sv'],
		['en-GB,en;q=0.9,sv;q=0.8', 'en'],
		['en;q=0.5,sv;q=0.9', 'sv'],
		['sv;q=0,en', 'en'],
		['de,sv;q=0.3', 'sv']
	])('%s → %s', (header, expected) => {
		expect(apiLocale(header)).toBe(expected);
	});
});
