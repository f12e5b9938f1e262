/**
 * migrations/index.ts is a hand-kept list (static imports, so Vite, the built server and the CLI see
 * the same migrations). A file added to migrations/ but not to the list would never run; this test
 * keeps the two equal and in order.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';

const files = readdirSync(new URL('../../migrations/', import.meta.url))
	.filter((f) => f.endsWith('.ts') && f !== 'index.ts')
	.map((f) => f.replace(/\.ts$/, ''))
	.sort();

describe('migrations/index.ts', () => {
	it('registers every migration file, under its own name', () => {
		expect(Object.keys(migrations).sort()).toEqual(files);
	});

	it('lists them in the order their names sort (the order they run)', () => {
		expect(Object.keys(migrations)).toEqual([...Object.keys(migrations)].sort());
	});

	it('registers each name with the module of that file (up and down)', async () => {
		for (const name of files) {
			const module = await import(`../../migrations/${name}.ts`);
			expect(migrations[name].up).toBe(module.up);
		}
	});
});
