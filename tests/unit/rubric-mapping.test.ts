import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRubric, checkRubricMapping, type Rubric } from '../../src/lib/domain/rubric';
import { runCli } from '../../src/cli/run';

const load = (id: string) => JSON.parse(readFileSync(`rubric/${id}.json`, 'utf8'));
const parsed = (json: unknown) => (checkRubric(json) as { rubric: Rubric }).rubric;
const all = ['kommunkompassen-2010', 'kommunkompassen-2016', 'kommunkompassen-2020'].map((id) =>
	parsed(load(id))
);

async function check(json: unknown) {
	const dir = mkdtempSync(join(tmpdir(), 'kk-rubric-'));
	const file = join(dir, 'ny.json');
	writeFileSync(file, JSON.stringify(json));
	const out: string[] = [];
	const err: string[] = [];
	const code = await runCli(['rubric', 'check', file], {
		out: (l) => out.push(l),
		err: (l) => err.push(l),
		readStdin: async () => ''
	});
	return { code, out, err };
}

describe('mapsFrom', () => {
	it('holds for the shipped rubrics', () => {
		for (const rubric of all) expect(checkRubricMapping(rubric, all)).toEqual([]);
	});

	it('is refused when it names an unknown rubric or an area that rubric lacks', () => {
		const r2020 = load('kommunkompassen-2020');
		const unknownRubric = {
			...r2020,
			mapsFrom: { ...r2020.mapsFrom, rubric: 'kommunkompassen-1999' }
		};
		expect(checkRubricMapping(parsed(unknownRubric), all)).toEqual([
			expect.objectContaining({ path: 'mapsFrom.rubric' })
		]);
		const unknownArea = {
			...r2020,
			mapsFrom: { ...r2020.mapsFrom, areas: { ...r2020.mapsFrom.areas, '1': ['1', '42'] } }
		};
		expect(checkRubricMapping(parsed(unknownArea), all)).toEqual([
			expect.objectContaining({ path: 'mapsFrom.areas.1[1]' })
		]);
	});

	it('makes `rubric check` exit 1 with the path, and pass a correct file', async () => {
		const r2020 = load('kommunkompassen-2020');
		const bad = await check({
			...r2020,
			id: 'kommunkompassen-2030',
			mapsFrom: { rubric: 'kommunkompassen-2020', areas: { '1': ['9'] } }
		});
		expect(bad.code).toBe(1);
		expect(bad.err.join('\n')).toMatch(/mapsFrom\.areas\.1\[0\].*"9"/);
		const missing = await check({
			...r2020,
			id: 'kommunkompassen-2030',
			mapsFrom: { rubric: 'nej', areas: {} }
		});
		expect(missing.code).toBe(1);
		expect(missing.err.join('\n')).toMatch(/mapsFrom\.rubric/);
		const good = await check({
			...r2020,
			id: 'kommunkompassen-2030',
			mapsFrom: { rubric: 'kommunkompassen-2020', areas: { '1': ['1'] } }
		});
		expect(good.err).toEqual([]);
		expect(good.code).toBe(0);
	});

	it('makes `rubric check` print every problem: an unknown mapped rubric and an unknown area together', async () => {
		const r2020 = load('kommunkompassen-2020');
		const both = await check({
			...r2020,
			id: 'kommunkompassen-2030',
			mapsFrom: { rubric: 'kommunkompassen-1999', areas: { '1': ['1'], '99': ['2'] } }
		});
		expect(both.code).toBe(1);
		const printed = both.err.join('\n');
		expect(printed).toMatch(/mapsFrom\.areas\.99: .*"99"/);
		expect(printed).toMatch(/mapsFrom\.rubric: .*"kommunkompassen-1999"/);
	});
});
