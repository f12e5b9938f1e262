import { readFile } from 'node:fs/promises';
import { checkRubric } from '../../lib/domain/rubric';
import type { CliCommand } from '../context';

export const foundationCommands: CliCommand[] = [
	{
		name: ['migrate'],
		usage: 'migrate',
		summary: 'Run pending migrations, sync the rubric files and the municipality register.',
		run: async (_args, { io, withDatabase }) => {
			await withDatabase(async () => undefined);
			io.out('Database is up to date.');
			return 0;
		}
	},
	{
		name: ['rubric', 'check'],
		usage: 'rubric check <file>',
		summary: 'Validate a rubric file; prints each problem and exits 1 when there is one.',
		run: async (args, { io }) => {
			const [file] = args;
			if (!file) {
				io.err('Usage: rubric check <file>');
				return 2;
			}
			let json: unknown;
			try {
				json = JSON.parse(await readFile(file, 'utf8'));
			} catch (e) {
				io.err(`${file}: cannot read as JSON: ${(e as Error).message}`);
				return 1;
			}
			const result = checkRubric(json);
			if (!result.ok) {
				for (const p of result.problems) io.err(`${file}: ${p.path}: ${p.message}`);
				return 1;
			}
			const subareas = result.rubric.areas.reduce((n, a) => n + a.subareas.length, 0);
			io.out(
				`${file}: ok (${result.rubric.id}: ${result.rubric.areas.length} areas, ${subareas} subareas, ${result.rubric.maxPoints} points)`
			);
			return 0;
		}
	}
];
