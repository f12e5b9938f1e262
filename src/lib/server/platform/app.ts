/**
 * Start-up: open the database, migrate, sync the rubric files, keep the register current and, on
 * an empty database, add the demo data. Used by the server (hooks `init`), the CLI and tests.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fork } from 'node:child_process';
import { getDatabase, optionsFromEnv, type OpenedDatabase, type Database } from '../db';
import { migrateToLatest } from '../db/migrator';
import { parseRubricFiles, syncRubrics } from '../register/rubrics';
import { bundledRubricFiles } from './rubric-files';
import { isEmpty, seedDemo, seedRegister, type DemoSignIn, type SeedLog } from '../db/seed';
import { ensureFirstCoordinator } from '../accounts/users';
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

/** What preparing a database on first start has to tell the person starting it. */
interface FirstStart {
	first: { email: string; oneTimePassword: string } | null;
	demoSignIns: DemoSignIn[];
}

/** The variable that makes a built server prepare its embedded database and exit. */
const prepareOnlyVariable = 'KOMMUNKOMPASSEN_PREPARE_ONLY';

/** Migrates, syncs and seeds the opened database and makes the first coordinator. */
async function prepareApp(opened: OpenedDatabase): Promise<FirstStart> {
	const { demoSignIns } = await prepareDatabase(opened.db, {
		demo: process.env.DEMO_DATA !== 'false',
		log: (m) => log.info(m)
	});
	// No default password anywhere: the first coordinator gets a one-time password, shown once.
	const first = await ensureFirstCoordinator(opened.db, process.env.FIRST_COORDINATOR_EMAIL);
	return { first, demoSignIns };
}

/**
 * A new embedded database is prepared in a short-lived child process (the same built server,
 * told to prepare and exit). Seeding grows PGlite's WASM heap to several hundred MB, and a WASM
 * heap never shrinks: prepared in this process, the first start would hold 440 MB at rest where
 * a restart holds 230 MB. Only the built server (adapter-node's index.js beside its handler.js) does this; under
 * `vite dev`, the CLI and the tests the database is prepared in the process.
 */
async function prepareFreshEmbeddedDatabase(): Promise<FirstStart | null> {
	const options = optionsFromEnv();
	const dataDir = options.dataDir ?? './data';
	const entry = process.argv[1] ?? '';
	if (
		options.databaseUrl ||
		dataDir.startsWith('memory://') ||
		existsSync(join(dataDir, 'PG_VERSION')) ||
		process.env[prepareOnlyVariable] ||
		!existsSync(join(dirname(entry), 'handler.js'))
	) {
		return null;
	}
	log.info('New embedded database: preparing it in a separate process.');
	return new Promise<FirstStart>((resolve, reject) => {
		let answer: FirstStart | null = null;
		const child = fork(entry, [], {
			env: { ...process.env, [prepareOnlyVariable]: 'true' },
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		child.on('message', (message) => (answer = message as FirstStart));
		child.on('error', reject);
		child.on('exit', (code) =>
			answer && code === 0
				? resolve(answer)
				: reject(new Error(`Preparing the database failed (exit code ${code}); see above.`))
		);
	});
}

/**
 * `KOMMUNKOMPASSEN_PREPARE_ONLY`: prepare the database, hand what the first start must print to
 * the parent and exit, without serving. Returns false when the variable is not set.
 */
export async function prepareOnlyIfAsked(): Promise<boolean> {
	if (!process.env[prepareOnlyVariable] || !process.send) return false;
	const opened = await getDatabase();
	const firstStart = await prepareApp(opened);
	await opened.close();
	log.info('Prepared the new embedded database; the preparing process exits.');
	await new Promise<void>((resolve) => process.send!(firstStart, () => resolve()));
	process.exit(0);
}

/** The app's database, prepared once per process. */
export function getReadyDatabase(): Promise<OpenedDatabase> {
	const g = globalThis as GlobalWithReady;
	g[readyKey] ??= (async () => {
		const fresh = await prepareFreshEmbeddedDatabase();
		const opened = await getDatabase();
		// After a child prepared it, this finds everything in place (and adds nothing).
		const here = await prepareApp(opened);
		const first = fresh?.first ?? here.first;
		const demoSignIns = fresh?.demoSignIns.length ? fresh.demoSignIns : here.demoSignIns;
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
