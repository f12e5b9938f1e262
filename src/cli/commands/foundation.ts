import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { checkRubric, checkRubricFile, type Rubric } from '../../lib/domain/rubric';
import { bundledRubricFiles } from '../../lib/server/platform/rubric-files';
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
			const result = checkRubricFile(json, await knownRubrics(file));
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

/**
 * The versions a rubric file may map from: the bundled rubrics and the valid rubric files beside
 * it (a new version is usually checked next to the one it maps from).
 */
async function knownRubrics(file: string): Promise<Rubric[]> {
	const known = new Map<string, Rubric>();
	for (const { json } of bundledRubricFiles) {
		const result = checkRubric(json);
		if (result.ok) known.set(result.rubric.id, result.rubric);
	}
	const dir = dirname(resolve(file));
	for (const name of await readdir(dir).catch(() => [] as string[])) {
		if (!name.endsWith('.json') || name === basename(file)) continue;
		try {
			const result = checkRubric(JSON.parse(await readFile(join(dir, name), 'utf8')));
			if (result.ok) known.set(result.rubric.id, result.rubric);
		} catch {
			// Not a rubric: other JSON may live in the same folder.
		}
	}
	return [...known.values()];
}
