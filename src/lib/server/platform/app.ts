/**
 * Start-up: open the database, migrate, sync the rubric files, keep the register current and, on
 * an empty database, add the demo data. Used by the server (hooks `init`), the CLI and tests.
 */
import { getDatabase, type OpenedDatabase, type Database } from '../db';
import { migrateToLatest } from '../db/migrator';
import { parseRubricFiles, syncRubrics } from '../repositories/rubrics';
import { bundledRubricFiles } from './rubric-files';
import { isEmpty, seedDemo, seedRegister, type SeedLog } from '../seed';
import { ensureFirstCoordinator } from '../repositories/users';
import { log } from './log';

export interface PrepareOptions {
	/** Add the demo data when the database holds no evaluation. */
	demo: boolean;
	log?: SeedLog;
}

/** Brings an opened database to the state the app expects. Safe to run on every start. */
export async function prepareDatabase(db: Database, options: PrepareOptions): Promise<void> {
	const log = options.log ?? (() => {});
	await migrateToLatest(db);
	await syncRubrics(db, parseRubricFiles(bundledRubricFiles));
	await seedRegister(db);
	if (options.demo && (await isEmpty(db))) {
		log('Empty database: adding demo data.');
		await seedDemo(db, log);
	}
}

const readyKey = Symbol.for('kommunkompassen.ready');
type GlobalWithReady = typeof globalThis & { [readyKey]?: Promise<OpenedDatabase> };

/** The app's database, prepared once per process. */
export function getReadyDatabase(): Promise<OpenedDatabase> {
	const g = globalThis as GlobalWithReady;
	g[readyKey] ??= (async () => {
		const opened = await getDatabase();
		await prepareDatabase(opened.db, {
			demo: process.env.DEMO_DATA !== 'false',
			log: (m) => log.info(m)
		});
		// No default password anywhere: the first coordinator gets a one-time password, shown once.
		const first = await ensureFirstCoordinator(opened.db, process.env.FIRST_COORDINATOR_EMAIL);
		if (first) {
			console.log(
				[
					'',
					'  First start: a coordinator account was created.',
					`  Sign in at /logga-in with e-mail ${first.email}`,
					`  and the one-time password ${first.oneTimePassword}`,
					'  (shown only now; you will choose a new password at first sign-in).',
					''
				].join('\n')
			);
		}
		return opened;
	})().catch((e) => {
		delete g[readyKey];
		throw e;
	});
	return g[readyKey];
}
