/**
 * Issue 25, findings 5 and 6 for files: a NUL or invalid text inside an import file is one more
 * problem of the file (the admin import, the CLI's `results import`, the self-assessment import),
 * never a database error or a stack trace.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResultsFile } from '../../src/lib/domain/results-file';
import { findTextProblems } from '../../src/lib/domain/text';
import { runCli } from '../../src/cli/run';
import { importSelfAssessment } from '../../src/lib/server/self-assessment/exchange';
import { systemActor } from '../../src/lib/server/accounts/audit';
import type { Database } from '../../src/lib/server/db';

const record = (source: string) => ({
	municipality_code: '1883',
	year: 2022,
	rubric: 'kommunkompassen-2020',
	source
});

describe('bad text inside import files', () => {
	it('names every string with a NUL or invalid text, with its path', () => {
		expect(
			findTextProblems({ a: 'ok', b: ['x', 'y\u0000'], c: { d: 'lone \ud800' }, 'k\u0000': 1 })
		).toEqual([
			{ path: 'b[1]', problem: 'nul' },
			{ path: 'c.d', problem: 'invalid' },
			{ path: 'k\\u0000', problem: 'nul' }
		]);
		expect(findTextProblems({ emoji: 'Bra 👍', swedish: 'åäö' })).toEqual([]);
	});

	it('refuses a results file with a NUL or a lone surrogate, record by record', () => {
		const text = JSON.stringify([record('SKR\u0000'), record('ok'), record('x\ud800')]);
		const parsed = parseResultsFile(text, 'results.json');
		expect(parsed).toEqual({
			ok: false,
			problems: [
				{ record: 'record 1', field: 'source', message: expect.stringMatching(/NUL/) },
				{ record: 'record 3', field: 'source', message: expect.stringMatching(/not valid text/) }
			]
		});
	});

	it('makes `results import` print one line per problem and exit 1, without a stack trace', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'kk-import-'));
		const file = join(dir, 'results.json');
		writeFileSync(file, JSON.stringify([record('SKR\u0000'), record('a\u0000b')]));
		const out: string[] = [];
		const err: string[] = [];
		const code = await runCli(['results', 'import', file], {
			out: (l) => out.push(l),
			err: (l) => err.push(l),
			readStdin: async () => ''
		});
		expect(code).toBe(1);
		expect(err).toEqual([
			expect.stringMatching(/record 1: source: .*NUL/),
			expect.stringMatching(/record 2: source: .*NUL/)
		]);
	});

	it("refuses a self-assessment file with a NUL with the file's problem list, before the database", async () => {
		const file = JSON.stringify({ kind: 'självskattning', name: 'Vår\u0000 skattning' });
		const result = await importSelfAssessment(
			undefined as unknown as Database,
			systemActor,
			'1883',
			file
		);
		expect(result).toEqual({
			ok: false,
			problems: [{ key: 'sa.import.nulText', vars: { path: 'name' } }]
		});
	});
});
