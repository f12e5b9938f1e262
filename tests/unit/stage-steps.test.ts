import { describe, expect, it } from 'vitest';
import { openingStage, nextStage } from '../../src/lib/domain/stage-steps';
import { refusalOf } from '../../src/lib/server/auth/guard';
import { canOnEvaluation, type EvaluationScope } from '../../src/lib/server/auth/policy';
import { sessionUser } from '../helpers/session-user';

const scope = (status: EvaluationScope['status']): EvaluationScope => ({
	id: 1,
	municipalityCode: '1883',
	status,
	teamUserIds: [2],
	conflictFreeUserIds: [2],
	contactUserId: 3
});

describe('a stage-locked page', () => {
	it('names the stage that opens the fact check during calibration', () => {
		const contact = sessionUser(3, 'municipality', '1883');
		const s = scope('kalibrering');
		expect(canOnEvaluation(contact, 'factCheck.read', s)).toBe(false);
		expect(
			openingStage(s.status, (stage) =>
				canOnEvaluation(contact, 'factCheck.read', { ...s, status: stage })
			)
		).toBe('faktagranskning');
	});
	it('is a plain no when no later stage opens it', () => {
		expect(openingStage('kalibrering', () => false)).toBeNull();
		expect(nextStage('faktagranskning')).toBe('publicerad');
		expect(nextStage('publicerad')).toBeNull();
	});
});

describe('the refusal of a stage-locked page', () => {
	it('answers with the step that opens it and who acts now, in the reader’s language', () => {
		const contact = sessionUser(3, 'municipality', '1883');
		const sv = refusalOf({ user: contact, locale: 'sv' }, 'factCheck.read', scope('kalibrering'));
		expect(sv.message).toBe(
			'Sidan öppnas i steget Faktagranskning. Utvärderingen är nu i steget Kalibrering, där utvärderarna arbetar.'
		);
		const en = refusalOf({ user: contact, locale: 'en' }, 'factCheck.read', scope('kalibrering'));
		expect(en.message).toContain('Fact check');
		expect(en.message).not.toMatch(/behörighet/);
	});
	it('links to the declaration when only that is missing', () => {
		const evaluator = sessionUser(4, 'evaluator');
		const s = { ...scope('poangsattning'), teamUserIds: [2, 4] };
		const refusal = refusalOf({ user: evaluator, locale: 'sv' }, 'sheet.edit', s);
		expect(refusal.href).toBe('/utvarderingar/1#team-h');
		expect(refusal.message).toMatch(/jävig/);
	});
	it('is a plain no for what no stage opens', () => {
		const other = sessionUser(9, 'municipality', '0114');
		expect(
			refusalOf({ user: other, locale: 'sv' }, 'actionPlan.edit', scope('kalibrering')).message
		).toBe('Du har inte behörighet att göra detta.');
	});
});
