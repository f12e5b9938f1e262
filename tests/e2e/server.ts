/**
 * Starts the built app for the browser tests on a fresh PGlite directory: prepares the database
 * with the demo data, adds the test accounts (tests/e2e/accounts.ts), then serves on E2E_PORT.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { openDatabase } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/app';
import { writeFileSync } from 'node:fs';
import { createTestAccounts, statePath, type E2eState } from './accounts';
import { createEvaluation } from '../../src/lib/server/repositories/evaluations';
import { systemActor } from '../../src/lib/server/audit';

const port = process.env.E2E_PORT ?? '4173';
const dataDir = mkdtempSync(join(tmpdir(), 'kk-e2e-'));
const opened = await openDatabase({ dataDir });
await prepareDatabase(opened.db, { demo: true, log: (m) => console.log(m) });
const ids = await createTestAccounts(opened.db);
const draftId = await createEvaluation(opened.db, systemActor, {
	municipalityCode: '0115',
	year: 2026,
	rubricId: 'kommunkompassen-2020',
	teamUserIds: [ids.evaluator1, ids.evaluator2],
	contactUserId: ids.vallentuna,
	visitStart: '2026-09-07',
	visitEnd: '2026-09-09'
});
await opened.db
	.updateTable('evaluation')
	.set({ status: 'insamling' })
	.where('id', '=', draftId)
	.execute();
// Drafts in scoring and calibration with evaluator1 and evaluator2, both free of jäv: one for the
// blind-sheet test, apart from the one the workflow test moves on, and two for the autosave tests.
const draftIn = async (municipalityCode: string, status: 'poangsattning' | 'kalibrering') => {
	const id = await createEvaluation(opened.db, systemActor, {
		municipalityCode,
		year: 2026,
		rubricId: 'kommunkompassen-2020',
		teamUserIds: [ids.evaluator1, ids.evaluator2],
		contactUserId: null,
		visitStart: '2026-10-12',
		visitEnd: '2026-10-14'
	});
	await opened.db.updateTable('evaluation').set({ status }).where('id', '=', id).execute();
	await opened.db
		.updateTable('evaluation_member')
		.set({ no_conflict_declared_at: new Date() })
		.where('evaluation_id', '=', id)
		.execute();
	return id;
};
const blindDraftId = await draftIn('1480', 'poangsattning');
const scoringDraftId = await draftIn('0180', 'poangsattning');
const calibrationDraftId = await draftIn('1280', 'kalibrering');
const find = (code: string, year: number) =>
	opened.db
		.selectFrom('evaluation')
		.select('id')
		.where('municipality_code', '=', code)
		.where('year', '=', year)
		.where('origin', '=', 'workspace')
		.executeTakeFirstOrThrow();
const state: E2eState = {
	blindDraftId,
	scoringDraftId,
	calibrationDraftId,
	draftId,
	otherDraftId: (await find('2083', 2026)).id,
	karlskoga2022Id: (await find('1883', 2022)).id
};
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
