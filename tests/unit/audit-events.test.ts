import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../../src/lib/audit-events';

describe('audit entries in words', () => {
	it('names a saved score with its subarea and shows the changed fields by name', () => {
		const entry = {
			entity: 'sheet_score',
			entityId: '12:3.2',
			action: 'update',
			before: { points: 5, justification: 'Delvis' },
			after: { points: 7, justification: 'Delvis' }
		};
		expect(describeAuditEntry(entry, 'sv')).toEqual({
			event: 'Poäng sparad, 3.2',
			changes: [{ label: 'Poäng', before: '5', after: '7', long: false }]
		});
		expect(describeAuditEntry(entry, 'en').event).toBe('Score saved, 3.2');
	});

	it('reads a stage move in the stages’ own names', () => {
		const entry = {
			entity: 'evaluation',
			entityId: '12',
			action: 'transition',
			before: { status: 'kalibrering' },
			after: { status: 'faktagranskning' }
		};
		expect(describeAuditEntry(entry, 'sv').event).toBe('Steg: Kalibrering → Faktagranskning');
		expect(describeAuditEntry(entry, 'en').event).toBe('Stage: Calibration → Fact check');
	});

	it('folds long texts, says yes/no for flags, and never shows internal codes for known events', () => {
		const long = 'x'.repeat(200);
		const described = describeAuditEntry(
			{
				entity: 'strength',
				entityId: '44',
				action: 'update',
				before: { text: 'Kort', gold_star: false, goldStar: false },
				after: { text: long, goldStar: true }
			},
			'sv'
		);
		expect(described.event).toBe('Styrka ändrad');
		expect(described.changes).toEqual([
			{ label: 'Text', before: 'Kort', after: long, long: true },
			{ label: 'Guldstjärna', before: 'nej', after: 'ja', long: false }
		]);
		for (const [entity, action] of [
			['interview', 'delete'],
			['evidence', 'restore'],
			['evaluation_member', 'declare-no-conflict'],
			['score_sheet', 'submit'],
			['app_user', 'reset-password']
		]) {
			const text = describeAuditEntry(
				{ entity, entityId: '1', action, before: null, after: null },
				'sv'
			).event;
			expect([entity, action, text.includes(entity) || text.includes(action)]).toEqual([
				entity,
				action,
				false
			]);
		}
	});

	it('says a strength, improvement or recommendation was moved, from which place to which', () => {
		const entry = {
			entity: 'strength',
			entityId: '7',
			action: 'move',
			before: { place: 2 },
			after: { place: 1 }
		};
		expect(describeAuditEntry(entry, 'sv')).toEqual({
			event: 'Styrka flyttad',
			changes: [{ label: 'Plats i listan', before: '2', after: '1', long: false }]
		});
		expect(describeAuditEntry({ ...entry, entity: 'recommendation' }, 'en').event).toBe(
			'Recommendation moved'
		);
		expect(describeAuditEntry({ ...entry, entity: 'improvement' }, 'sv').event).toBe(
			'Förbättringsområde flyttat'
		);
	});
});
