/**
 * One formatDate for the whole app (issue 26): a calendar date is that day for every reader, a
 * moment is its day in Swedish time, in each interface language.
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/i18n/format';

describe('formatDate', () => {
	it('shows a calendar date as that day, in Swedish and English', () => {
		expect(formatDate('sv', '2026-09-07')).toBe('7 september 2026');
		expect(formatDate('en', '2026-09-07')).toBe('7 September 2026');
	});

	it('shows a moment as its day in Swedish time, not the server’s zone', () => {
		// 23:30 UTC on 31 December is already New Year's Day in Stockholm (UTC+1).
		expect(formatDate('sv', new Date('2026-12-31T23:30:00Z'))).toBe('1 januari 2027');
		expect(formatDate('sv', '2026-12-31T23:30:00Z')).toBe('1 januari 2027');
		expect(formatDate('en', new Date('2026-06-01T10:00:00Z'))).toBe('1 June 2026');
	});
});
