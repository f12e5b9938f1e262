import { describe, expect, it } from 'vitest';
import { buildTsQuery } from '../../src/lib/server/documents/search';

describe('buildTsQuery', () => {
	it('ANDs words, keeps phrases and prefixes, and OR between terms', () => {
		expect(buildTsQuery('styrmodell mål')).toBe('styrmodell & mål');
		expect(buildTsQuery('"politisk styrning" uppföljning')).toBe(
			'(politisk <-> styrning) & uppföljning'
		);
		expect(buildTsQuery('förvalt*')).toBe('förvalt:*');
		expect(buildTsQuery('medborgardialog OR dialog')).toBe('medborgardialog | dialog');
	});

	it('lets no tsquery syntax through', () => {
		expect(buildTsQuery("a & b | !c:* <-> ('x')")).toBe('a & b & c:* & x');
		expect(buildTsQuery('&&& ||| !!!')).toBeNull();
		expect(buildTsQuery('')).toBeNull();
	});
});
