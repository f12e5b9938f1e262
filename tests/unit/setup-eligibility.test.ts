import { describe, expect, it } from 'vitest';
import { mayBeContact, mayJoinTeam } from '../../src/lib/domain/roles';

describe('who may be on a team or be the contact', () => {
	it('takes active evaluators onto a team, nobody else', () => {
		expect(mayJoinTeam({ role: 'evaluator', active: true })).toBe(true);
		expect(mayJoinTeam({ role: 'evaluator', active: false })).toBe(false);
		expect(mayJoinTeam({ role: 'coordinator', active: true })).toBe(false);
		expect(mayJoinTeam({ role: 'municipality', active: true })).toBe(false);
	});

	it("takes an active contact person of the evaluation's own municipality as its contact", () => {
		const contact = { role: 'municipality' as const, active: true, municipalityCode: '1883' };
		expect(mayBeContact(contact, '1883')).toBe(true);
		expect(mayBeContact(contact, '0115')).toBe(false);
		expect(mayBeContact({ ...contact, active: false }, '1883')).toBe(false);
		expect(mayBeContact({ ...contact, role: 'evaluator' }, '1883')).toBe(false);
	});
});
