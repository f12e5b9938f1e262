import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidParameter } from '../../src/lib/server/results/open-data';

const issueOf = (input: unknown) => {
	const parsed = z
		.object({ from: z.coerce.number().int() })
		.safeParse(input, { reportInput: true });
	if (parsed.success) throw new Error('expected a refusal');
	return parsed.error.issues[0];
};

describe("the open-data API's refusal of a parameter", () => {
	it('names the parameter and the problem in English by default', () => {
		expect(invalidParameter(issueOf({ from: 'x' }), 'en')).toBe(
			'Invalid value for the parameter from: Invalid input: expected number, received NaN'
		);
	});

	it('is wholly Swedish when Swedish is asked for', () => {
		const message = invalidParameter(issueOf({ from: 'x' }), 'sv');
		expect(message).toBe(
			'Ogiltigt värde för parametern from: Ogiltig inmatning: förväntat antal, fick NaN'
		);
		expect(message).not.toMatch(/Invalid|expected|received/);
	});
});
