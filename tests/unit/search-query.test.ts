import { describe, expect, it } from 'vitest';
import { buildTsQuery } from '../../src/lib/server/documents/search';

describe('buildTsQuery', () => {
	it('ANDs words, keeps phrases and prefixes, and OR between terms', () => {
		expect(buildTsQuery('budget mål')).toBe('budget & mål');
		expect(buildTsQuery('"politisk styrning" budget')).toBe('(politisk <-> styrning) & budget');
		expect(buildTsQuery('förvalt*')).toBe('förvalt:*');
		expect(buildTsQuery('dialog OR samråd')).toBe('dialog | samråd');
	});

	it('lets long single words match as a stem prefix (inflected and compound forms)', () => {
		expect(buildTsQuery('ungdomsråd')).toBe('ungdomsråd:*');
		expect(buildTsQuery('styrmodell mål')).toBe('styrmodell:* & mål');
		expect(buildTsQuery('"medborgardialog varje"')).toBe('(medborgardialog <-> varje)');
	});

	it('lets no tsquery syntax through', () => {
		expect(buildTsQuery("a & b | !c:* <-> ('x')")).toBe('a & b & c:* & x');
		expect(buildTsQuery('&&& ||| !!!')).toBeNull();
		expect(buildTsQuery('')).toBeNull();
	});
});
