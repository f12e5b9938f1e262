import { ConfigurationError } from '../lib/server/errors';
import { createCliContext, type CliCommand, type CliIO } from './context';
import { foundationCommands } from './commands/foundation';
import { accountsCommands } from './commands/accounts';
import { workspaceCommands } from './commands/workspace';
import { resultsCommands } from './commands/results';
import { reportCommands } from './commands/report';
import { documentsCommands } from './commands/documents';
import { backupCommands } from './commands/backup';

export const commands: CliCommand[] = [
	...foundationCommands,
	...accountsCommands,
	...workspaceCommands,
	...resultsCommands,
	...reportCommands,
	...documentsCommands,
	...backupCommands
];

function help(io: CliIO) {
	io.out('Usage: npm run kompass -- <command> [options]\n');
	for (const c of commands) io.out(`  ${c.usage.padEnd(60)} ${c.summary}`);
}

/** Finds the command whose name words match the longest prefix of argv, and runs it. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
	if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
		help(io);
		return argv.length === 0 ? 2 : 0;
	}
	const command = [...commands]
		.sort((a, b) => b.name.length - a.name.length)
		.find((c) => c.name.every((word, i) => argv[i] === word));
	if (!command) {
		io.err(`Unknown command: ${argv.join(' ')}`);
		help(io);
		return 2;
	}
	try {
		return await command.run(argv.slice(command.name.length), createCliContext(io));
	} catch (e) {
		if (e instanceof ConfigurationError) {
			io.err(`Error: ${e.message}`);
			return 1;
		}
		throw e;
	}
}
