import { describe, expect, it } from 'vitest';
import { numberFormat } from '../../src/lib/i18n';

describe('numberFormat', () => {
	it('is made once per locale and precision', () => {
		expect(numberFormat('sv', 1)).toBe(numberFormat('sv', 1));
		expect(numberFormat('sv', 1)).not.toBe(numberFormat('en', 1));
		expect(numberFormat('sv', 1)).not.toBe(numberFormat('sv', 2));
	});

	it('formats with at most the given decimals, in the locale', () => {
		expect(numberFormat('sv', 1).format(52.25)).toBe('52,3');
		expect(numberFormat('en', 1).format(52.25)).toBe('52.3');
		expect(numberFormat('sv', 1).format(50)).toBe('50');
		expect(numberFormat('sv', 1, 1).format(50)).toBe('50,0');
	});
});
