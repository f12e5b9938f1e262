import { describe, expect, it } from 'vitest';
import {
	blockers,
	gapsBefore,
	isMove,
	possibleMoves,
	type ProgressFacts
} from '../../src/lib/domain/lifecycle';

const facts: ProgressFacts = {
	teamSize: 2,
	conflictFreeCount: 2,
	submittedSheets: 2,
	subareaCount: 36,
	agreedCount: 36,
	agreedWithoutJustification: 0,
	interviewGroupsCovered: 3,
	evidenceSubareas: 36,
	areasWithFindings: 8,
	areaCount: 8,
	hasSummary: true,
	openFactCheckComments: 0
};

describe('lifecycle', () => {
	it('moves one stage forward or back, never skipping, and nothing moves a published one', () => {
		expect(possibleMoves('planering').map((m) => m.to)).toEqual(['insamling']);
		expect(possibleMoves('kalibrering').map((m) => m.to)).toEqual([
			'faktagranskning',
			'poangsattning'
		]);
		expect(possibleMoves('faktagranskning').map((m) => m.to)).toEqual(['kalibrering']);
		expect(possibleMoves('publicerad')).toEqual([]);
		expect(isMove('planering', 'poangsattning')).toBe(false);
	});

	it('blocks calibration until every sheet is submitted, and publishing until all subareas are agreed', () => {
		expect(blockers('kalibrering', { ...facts, submittedSheets: 1 })).toEqual([
			{ code: 'sheetsNotSubmitted', submitted: 1, needed: 2 }
		]);
		expect(blockers('kalibrering', facts)).toEqual([]);
		expect(blockers('publicerad', { ...facts, agreedCount: 35 })).toEqual([
			{ code: 'subareasNotAgreed', missing: 1 }
		]);
	});

	it('lists gaps that need a confirmation', () => {
		expect(gapsBefore('faktagranskning', facts)).toEqual([]);
		expect(
			gapsBefore('faktagranskning', { ...facts, evidenceSubareas: 30, hasSummary: false })
		).toEqual([{ code: 'subareasWithoutEvidence', missing: 6 }, { code: 'noSummary' }]);
		expect(
			gapsBefore('poangsattning', { ...facts, conflictFreeCount: 1, interviewGroupsCovered: 0 })
		).toEqual([{ code: 'conflictNotDeclared', missing: 1 }, { code: 'noInterviews' }]);
	});
});
