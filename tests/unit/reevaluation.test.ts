import { describe, expect, it } from 'vitest';
import { reevaluationYear } from '../../src/lib/domain/reevaluation';

describe('a re-evaluation’s default year', () => {
	it('is never a past year', () => {
		expect(reevaluationYear(2022, 2026)).toBe(2026);
	});
	it('is the year after a baseline of this year', () => {
		expect(reevaluationYear(2026, 2026)).toBe(2027);
		expect(reevaluationYear(2025, 2026)).toBe(2026);
	});
});
