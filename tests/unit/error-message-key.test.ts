/**
 * The lint rule that keeps refusals in the reader's language (issue 27): a text written into a
 * server error() call is refused; a refusal's key, a variable or no text passes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: 'src/lib/server/lint-probe.ts' });
	return result.messages
		.filter((m) => m.ruleId === 'refusals/error-message-key')
		.map((m) => m.message);
}

describe('refusals/error-message-key', { timeout: 60_000 }, () => {
	it.each([
		["error(404, 'Kommunen finns inte');"],
		['error(403, `Du har inte behörighet ${x}`);'],
		["error(404, { message: 'Sidan finns inte' });"]
	])('refuses %s', async (call) => {
		const code = `import { error } from '@sveltejs/kit';\ndeclare const x: string;\n${call}\n`;
		expect(await problems(code)).toHaveLength(1);
	});

	it.each([
		["error(404, refusal('errors.municipalityNotFound'));"],
		['error(404);'],
		['error(400, message);']
	])('accepts %s', async (call) => {
		const code = `import { error } from '@sveltejs/kit';\ndeclare function refusal(k: string): { message: string };\ndeclare const message: string;\n${call}\n`;
		expect(await problems(code)).toEqual([]);
	});
});
