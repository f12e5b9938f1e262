import { describe, expect, it } from 'vitest';
import { agreedFromEqualSheets, equalAgreements, readPoints } from '$lib/domain/calibration';

const a = (points: number | null, justification = '') => ({ name: 'Anna', points, justification });
const b = (points: number | null, justification = '') => ({ name: 'Bo', points, justification });

describe('agreedFromEqualSheets', () => {
	it('is null when the sheets differ or one has no points', () => {
		expect(agreedFromEqualSheets([a(3), b(4)])).toBeNull();
		expect(agreedFromEqualSheets([a(3), b(null)])).toBeNull();
		expect(agreedFromEqualSheets([a(3)])).toBeNull();
	});
	it("carries the one sheet's justification, or both labelled when they differ", () => {
		expect(agreedFromEqualSheets([a(3, 'Skäl A'), b(3)])).toEqual({
			points: 3,
			justification: 'Skäl A'
		});
		expect(agreedFromEqualSheets([a(3), b(3, ' Skäl B ')])?.justification).toBe('Skäl B');
		expect(agreedFromEqualSheets([a(3, 'Samma'), b(3, 'Samma')])?.justification).toBe('Samma');
		expect(agreedFromEqualSheets([a(3, 'Skäl A'), b(3, 'Skäl B')])?.justification).toBe(
			'Anna: Skäl A\n\nBo: Skäl B'
		);
		expect(agreedFromEqualSheets([a(0), b(0)])).toEqual({ points: 0, justification: '' });
	});
});

describe('equalAgreements', () => {
	it('agrees the equal ones with a text, leaves those without one and those agreed', () => {
		const result = equalAgreements([
			{ subareaId: '1.1', sheets: [a(3, 'x'), b(3)], agreed: false },
			{ subareaId: '1.2', sheets: [a(3), b(3)], agreed: false },
			{ subareaId: '1.3', sheets: [a(3, 'x'), b(4)], agreed: false },
			{ subareaId: '1.4', sheets: [a(3, 'x'), b(3)], agreed: true }
		]);
		expect(result).toEqual({
			agree: [{ subareaId: '1.1', points: 3, justification: 'x' }],
			withoutText: ['1.2']
		});
	});
});

describe('readPoints', () => {
	it('refuses what is not an integer within 0–max', () => {
		expect(readPoints('', 20)).toEqual({ points: null, valid: true });
		expect(readPoints('20', 20)).toEqual({ points: 20, valid: true });
		expect(readPoints(' 0 ', 20)).toEqual({ points: 0, valid: true });
		expect(readPoints('25', 20)).toEqual({ points: null, valid: false });
		expect(readPoints('-1', 20)).toEqual({ points: null, valid: false });
		expect(readPoints('2.5', 20)).toEqual({ points: null, valid: false });
		expect(readPoints('abc', 20)).toEqual({ points: null, valid: false });
	});
});
