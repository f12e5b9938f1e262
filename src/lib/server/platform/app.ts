/**
 * Start-up: open the database, migrate, sync the rubric files, keep the register current and, on
 * an empty database, add the demo data. Used by the server (hooks `init`), the CLI and tests.
 */
import { getDatabase, type OpenedDatabase, type Database } from '../db';
import { migrateToLatest } from '../db/migrator';
import { parseRubricFiles, syncRubrics } from '../repositories/rubrics';
import { bundledRubricFiles } from './rubric-files';
import { isEmpty, seedDemo, seedRegister, type DemoSignIn, type SeedLog } from '../db/seed';
import { ensureFirstCoordinator } from '../repositories/users';
import { log } from './log';

export interface PrepareOptions {
	/** Add the demo data when the database holds no evaluation. */
	demo: boolean;
	log?: SeedLog;
}

/**
 * Brings an opened database to the state the app expects. Safe to run on every start. Returns the
 * demo accounts' one-time sign-ins when it added the demo data just now (shown once).
 */
export async function prepareDatabase(
	db: Database,
	options: PrepareOptions
): Promise<{ demoSignIns: DemoSignIn[] }> {
	const log = options.log ?? (() => {});
	await migrateToLatest(db);
	await syncRubrics(db, parseRubricFiles(bundledRubricFiles));
	await seedRegister(db);
	if (options.demo && (await isEmpty(db))) {
		log('Empty database: adding demo data.');
		return { demoSignIns: await seedDemo(db, log) };
	}
	return { demoSignIns: [] };
}

/**
 * The first start's message: the coordinator's one-time password (and the demo accounts'), in a
 * frame, so that it stands out from the log around it.
 */
export function firstStartMessage(
	first: { email: string; oneTimePassword: string },
	demo: DemoSignIn[]
): string {
	const lines = [
		'FIRST START: a coordinator account was created.',
		'',
		`  Sign in at /logga-in with e-mail  ${first.email}`,
		`  and the one-time password         ${first.oneTimePassword}`,
		'',
		'Shown only now; you choose your own password at the first sign-in.',
		...(process.env.SMTP_URL
			? ['Mail (invitations, password resets, notifications) is sent through SMTP_URL.']
			: [
					'No SMTP_URL: no mail is sent. Invitations and password-reset links wait in',
					'the Utkorg (/admin/utkorg) for you to hand over.'
				]),
		'Lost it? Set a new one-time password with:',
		`  npm run kompass -- user reset-password --email ${first.email}`,
		...(demo.length
			? [
					'',
					'Demo accounts (the demo evaluation Hedemora 2025, in collection):',
					...demo.flatMap((d) => [`  ${d.name}`, `    ${d.email}  ${d.oneTimePassword}`])
				]
			: [])
	];
	const width = Math.max(...lines.map((l) => l.length));
	return [
		'',
		`╔${'═'.repeat(width + 4)}╗`,
		...lines.map((l) => `║  ${l.padEnd(width)}  ║`),
		`╚${'═'.repeat(width + 4)}╝`,
		''
	].join('\n');
}

const readyKey = Symbol.for('kommunkompassen.ready');
type GlobalWithReady = typeof globalThis & { [readyKey]?: Promise<OpenedDatabase> };

/** The app's database, prepared once per process. */
export function getReadyDatabase(): Promise<OpenedDatabase> {
	const g = globalThis as GlobalWithReady;
	g[readyKey] ??= (async () => {
		const opened = await getDatabase();
		const { demoSignIns } = await prepareDatabase(opened.db, {
			demo: process.env.DEMO_DATA !== 'false',
			log: (m) => log.info(m)
		});
		// No default password anywhere: the first coordinator gets a one-time password, shown once.
		const first = await ensureFirstCoordinator(opened.db, process.env.FIRST_COORDINATOR_EMAIL);
		if (first) {
			// The last thing the start prints: after the server's "Listening on …" line, which
			// adapter-node writes once this start-up has finished.
			const message = firstStartMessage(first, demoSignIns);
			setTimeout(() => console.log(message), 500);
		}
		return opened;
	})().catch((e) => {
		delete g[readyKey];
		throw e;
	});
	return g[readyKey];
}
