/**
 * Starts the built app for the browser tests on a fresh PGlite directory: prepares the database
 * with the demo data, adds the test accounts (tests/e2e/accounts.ts), then serves on E2E_PORT.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { openDatabase } from '../../src/lib/server/db';
import { writeFileSync } from 'node:fs';
import { statePath } from './accounts';
import { prepareE2eDatabase } from './prepare';

const port = process.env.E2E_PORT ?? '4173';
const dataDir = mkdtempSync(join(tmpdir(), 'kk-e2e-'));
const opened = await openDatabase({ dataDir });
const state = await prepareE2eDatabase(opened, (m) => console.log(m));
writeFileSync(statePath(port), JSON.stringify(state));
await opened.close();

const server = spawn(process.execPath, ['build/index.js'], {
	stdio: 'inherit',
	env: {
		...process.env,
		DATA_DIR: dataDir,
		PORT: port,
		ORIGIN: `http://localhost:${port}`,
		BODY_SIZE_LIMIT: '60M'
	}
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
