/**
 * Issue 25, finding 10: the interview and web-observation forms tell the browser the same limits
 * the server holds them to (interviewLimits, sourceLimits), so a text over the limit cannot be
 * typed in the first place. Read from the pages' markup: every free-text field of the form's schema has a maxlength.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'svelte/compiler';
import { interviewSchema } from '../../src/lib/server/sources/interviews';
import { webObservationSchema } from '../../src/lib/server/sources/schemas';

type Node = { type: string; name?: string; start: number; end: number; [key: string]: unknown };

/** Every <input>/<textarea> with its `name` and `maxlength` as written in the source. */
function fields(file: string) {
	const source = readFileSync(file, 'utf8');
	const ast = parse(source, { modern: true });
	const found: { name: string; maxlength: string | null }[] = [];
	const visit = (node: unknown) => {
		if (!node || typeof node !== 'object') return;
		const n = node as Node;
		if (n.type === 'RegularElement' && (n.name === 'input' || n.name === 'textarea')) {
			const attributes = n.attributes as Node[];
			const text = (name: string) => {
				const a = attributes.find((x) => x.name === name);
				return a ? source.slice(a.start, a.end) : null;
			};
			const name =
				text('name') ??
				(attributes.some((a) => a.type === 'Attribute' && a.name === 'name') ? '' : null);
			if (name) found.push({ name, maxlength: text('maxlength') });
		}
		for (const value of Object.values(n)) {
			if (Array.isArray(value)) value.forEach(visit);
			else if (value && typeof value === 'object') visit(value);
		}
	};
	visit(ast.fragment);
	return found;
}

const textFields = (schema: { shape: Record<string, unknown> }, notText: string[]) =>
	Object.keys(schema.shape).filter((k) => !notText.includes(k));

describe('maxlength on the sources forms', () => {
	it('interviews: interviewer, names and notes carry their limits', () => {
		const found = fields('src/routes/utvarderingar/[id]/intervjuer/+page.svelte');
		for (const name of textFields(interviewSchema, ['heldOn', 'group', 'peopleCount'])) {
			const field = found.find((f) => f.name === `name="${name}"`);
			expect([name, field?.maxlength]).toEqual([name, `maxlength={data.limits.${name}}`]);
		}
	});

	it('web observations: url and note carry their limits', () => {
		const found = fields('src/routes/utvarderingar/[id]/webb/+page.svelte');
		const note = found.find((f) => f.name === 'name="note"');
		expect(note?.maxlength).toBe('maxlength={sourceLimits.webNote}');
		const looped = found.find((f) => f.name === '{name}');
		expect(looped?.maxlength).toMatch(/sourceLimits\.url/);
		expect(textFields(webObservationSchema, ['seenOn'])).toEqual(['url', 'note']);
	});
});
