import { openDatabase, optionsFromEnv, type Database } from '../lib/server/db';
import { prepareDatabase } from '../lib/server/platform/app';

export interface CliIO {
	out: (line: string) => void;
	err: (line: string) => void;
	/** Standard input, read whole (for --password-stdin and piped files). */
	readStdin: () => Promise<string>;
}

/** A CLI command: name words (e.g. ['user', 'create']), usage line, and the work. Returns the exit code. */
export interface CliCommand {
	name: string[];
	usage: string;
	summary: string;
	run: (args: string[], ctx: CliContext) => Promise<number>;
}

export interface CliContext {
	io: CliIO;
	/** Opens and prepares the database (migrations, rubrics, register, demo data when empty). */
	withDatabase: <T>(work: (db: Database) => Promise<T>) => Promise<T>;
}

export function createCliContext(io: CliIO): CliContext {
	return {
		io,
		withDatabase: async (work) => {
			const opened = await openDatabase(optionsFromEnv());
			try {
				await prepareDatabase(opened.db, {
					demo: process.env.DEMO_DATA !== 'false',
					log: (m) => io.err(m)
				});
				return await work(opened.db);
			} finally {
				await opened.close();
			}
		}
	};
}
