import { writeFile } from 'node:fs/promises';
import { optionsFromEnv } from '../../lib/server/db';
import { backupDataDir, restoreDataDir } from '../../lib/server/platform/backup';
import { parseOptions } from '../args';
import type { CliCommand } from '../context';

const onPostgres = () => Boolean(optionsFromEnv().databaseUrl);
const postgresHint =
	'DATABASE_URL is set: back up PostgreSQL with pg_dump -Fc and restore with pg_restore (see the README).';

export const backupCommands: CliCommand[] = [
	{
		name: ['backup'],
		usage: 'backup FILE',
		summary: 'Back up the embedded database (DATA_DIR) of a stopped server to FILE (.tar.gz).',
		run: async (args, { io }) => {
			const [file] = args;
			if (!file) {
				io.err('Usage: backup FILE');
				return 2;
			}
			if (onPostgres()) {
				io.err(postgresHint);
				return 2;
			}
			const dataDir = optionsFromEnv().dataDir!;
			const bytes = await backupDataDir(dataDir);
			await writeFile(file, bytes);
			io.out(`Backed up ${dataDir} to ${file} (${(bytes.length / 1024 / 1024).toFixed(1)} MB).`);
			return 0;
		}
	},
	{
		name: ['restore'],
		usage: 'restore FILE [--force]',
		summary:
			'Restore a backup into DATA_DIR: an empty one, or with --force keep the old one aside.',
		run: async (args, { io }) => {
			const { values, positionals } = parseOptions(args, { force: { type: 'boolean' } });
			const [file] = positionals;
			if (!file) {
				io.err('Usage: restore FILE [--force]');
				return 2;
			}
			if (onPostgres()) {
				io.err(postgresHint);
				return 2;
			}
			const dataDir = optionsFromEnv().dataDir!;
			const summary = await restoreDataDir(file, dataDir, { force: values.force });
			io.out(
				`Restored ${file} into ${dataDir}: ${summary.users} users, ${summary.evaluations} evaluations, ${summary.documents} documents.`
			);
			if (summary.previous) io.out(`The previous data directory is kept in ${summary.previous}.`);
			return 0;
		}
	}
];
