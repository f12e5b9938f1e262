/**
 * The form schemas the actions read with parseForm: what a browser sends (repeated fields,
 * absent fields, empty selects) becomes the values the repositories take, and a refusal lands
 * at the field the user can correct, in the user's language.
 */
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { formOptionalId } from '$lib/schemas/form';
import { setupChange, setupFormFields } from '$lib/schemas/evaluation-setup';
import { newPasswordSchema, signInSchema } from '$lib/schemas/auth';
import { parseForm } from '$lib/server/http/parse-form';

const form = (entries: [string, string][]) => {
	const data = new FormData();
	for (const [key, value] of entries) data.append(key, value);
	return data;
};
const locals = (locale: 'sv' | 'en') => ({ locale }) as App.Locals;
const setupSchema = z.object({ ...setupFormFields, expectedVersion: z.coerce.number().int() });

describe('set-up fields', () => {
	test('the repeated team field becomes teamUserIds; empty contact and dates are none', () => {
		const parsed = parseForm(
			locals('sv'),
			form([
				['team', '3'],
				['team', '4'],
				['contactUserId', ''],
				['visitStart', '2026-03-02'],
				['expectedVersion', '2']
			]),
			setupSchema
		);
		expect(parsed.ok && setupChange(parsed.data)).toEqual({
			teamUserIds: [3, 4],
			contactUserId: null,
			answersDue: null,
			visitStart: '2026-03-02',
			visitEnd: null,
			factCheckDue: null,
			publicationPlanned: null,
			expectedVersion: 2
		});
	});

	test('one member sent once is a team of one; no member is an empty team', () => {
		const one = setupSchema.parse({ team: '7', expectedVersion: '0' });
		expect(setupChange(one).teamUserIds).toEqual([7]);
		expect(setupChange(setupSchema.parse({ expectedVersion: '0' })).teamUserIds).toEqual([]);
	});

	test('a malformed date and a team of five are refused at their fields, with values kept', () => {
		const parsed = parseForm(
			locals('en'),
			form([
				...['1', '2', '3', '4', '5'].map((id): [string, string] => ['team', id]),
				['visitEnd', '2 mars'],
				['expectedVersion', '1']
			]),
			setupSchema,
			{ values: { visitEnd: '2 mars' } }
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.status).toBe(400);
		expect(parsed.failure.data.values).toEqual({ visitEnd: '2 mars' });
		expect(Object.keys(parsed.failure.data.errors).sort()).toEqual(['team', 'visitEnd']);
		expect(parsed.failure.data.errors.visitEnd).not.toMatch(/^errors\./);
	});
});

describe('an optional id', () => {
	test('absent or empty is none, a number is the id, anything else is refused', () => {
		expect(formOptionalId.parse(undefined)).toBeNull();
		expect(formOptionalId.parse('')).toBeNull();
		expect(formOptionalId.parse('12')).toBe(12);
		expect(formOptionalId.safeParse('abc').error?.issues[0].message).toBe('errors.invalid');
		expect(formOptionalId.safeParse('-3').error?.issues[0].message).toBe('errors.invalid');
	});
});

describe('account forms', () => {
	test('a sign-in without its fields asks for them, in the user’s language', () => {
		const sv = parseForm(locals('sv'), form([]), signInSchema);
		const en = parseForm(locals('en'), form([]), signInSchema);
		expect(sv.ok || en.ok).toBe(false);
		if (sv.ok || en.ok) return;
		expect(Object.keys(sv.failure.data.errors).sort()).toEqual(['email', 'password']);
		expect(sv.failure.data.errors.email).not.toBe(en.failure.data.errors.email);
	});

	test('a new password that is missing is too short; a mismatch is refused at confirm', () => {
		const missing = newPasswordSchema.safeParse({});
		expect(missing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['password', 'auth.password.tooShort']
		]);
		const mismatch = newPasswordSchema.safeParse({
			current: 'gammalt',
			password: 'ett-långt-lösenord',
			confirm: 'ett-annat-lösenord'
		});
		expect(mismatch.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
			['confirm', 'auth.password.mismatch']
		]);
	});

	test('a hidden field’s refusal is the form’s too', () => {
		const schema = z.object({ id: z.coerce.number({ error: 'errors.invalid' }).positive() });
		const parsed = parseForm(locals('sv'), form([['id', 'x']]), schema, {}, ['id']);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.data.errors._form).toBeTruthy();
		expect(parsed.failure.data.errors._form).toBe(parsed.failure.data.errors.id);
	});
});
