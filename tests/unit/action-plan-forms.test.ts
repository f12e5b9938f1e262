import { describe, expect, it } from 'vitest';
import { noteForm } from '../../src/lib/schemas/action-plan';

describe('a progress note', () => {
	it('without a date is noted today', () => {
		const parsed = noteForm('2026-12-06').safeParse({ text: 'Första mötet hållet' });
		expect(parsed.success && parsed.data).toEqual({
			notedOn: '2026-12-06',
			text: 'Första mötet hållet'
		});
		expect(noteForm('2026-12-06').parse({ notedOn: '', text: 'x' }).notedOn).toBe('2026-12-06');
	});
	it('keeps a date the user chose and refuses a malformed one or an empty text', () => {
		expect(noteForm('2026-12-06').parse({ notedOn: '2026-11-30', text: 'x' }).notedOn).toBe(
			'2026-11-30'
		);
		expect(noteForm('2026-12-06').safeParse({ notedOn: '30/11', text: 'x' }).success).toBe(false);
		expect(noteForm('2026-12-06').safeParse({ notedOn: '', text: '  ' }).success).toBe(false);
	});
});
