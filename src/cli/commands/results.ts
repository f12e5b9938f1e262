import { readFile } from 'node:fs/promises';
import { cliActor } from '../../lib/server/accounts/audit';
import { importResults } from '../../lib/server/published/result-import';
import { decodeResultsFile, parseResultsFile } from '../../lib/domain/results-file';
import { parseOptions } from '../args';
import type { CliCommand } from '../context';

export const resultsCommands: CliCommand[] = [
	{
		name: ['results', 'import'],
		usage: 'results import FILE [--replace] [--dry-run]',
		summary: 'Import published results (JSON exchange format or CSV), all or nothing.',
		run: async (args, { io, withDatabase }) => {
			const { values, positionals } = parseOptions(args, {
				replace: { type: 'boolean' },
				'dry-run': { type: 'boolean' }
			});
			const [file] = positionals;
			if (!file) {
				io.err('Usage: results import FILE [--replace] [--dry-run]');
				return 2;
			}
			let text: string;
			try {
				text = decodeResultsFile(new Uint8Array(await readFile(file))).text;
			} catch (e) {
				io.err(`${file}: ${(e as Error).message}`);
				return 1;
			}
			const parsed = parseResultsFile(text, file);
			if (!parsed.ok) {
				for (const p of parsed.problems) io.err(`${file}: ${p.record}: ${p.field}: ${p.message}`);
				return 1;
			}
			return withDatabase(async (db) => {
				const outcome = await importResults(db, cliActor, parsed.records, {
					replace: values.replace,
					dryRun: values['dry-run']
				});
				if (!outcome.ok) {
					for (const p of outcome.problems)
						io.err(`${file}: ${p.record}: ${p.field || '(record)'}: ${p.message}`);
					io.err('Nothing was imported.');
					return 1;
				}
				for (const p of outcome.planned)
					io.out(
						`${outcome.written ? 'imported' : 'would import'} ${p.municipalityCode} ${p.municipalityName} ${p.year} ${p.rubricId} total ${p.total ?? '–'} (${p.action})`
					);
				io.out(
					`${outcome.planned.length} result(s) ${outcome.written ? 'imported' : 'would be imported (dry run)'}.`
				);
				return 0;
			});
		}
	}
];
