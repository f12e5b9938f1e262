/**
 * `tsx tests/e2e/prepare-cli.ts`: prepares the database named by DATABASE_URL (or DATA_DIR) as
 * the browser tests' server does, and prints the E2eState as JSON (operations tests).
 */
import { openDatabase, optionsFromEnv } from '../../src/lib/server/db';
import { prepareE2eDatabase } from './prepare';

const opened = await openDatabase(optionsFromEnv());
const state = await prepareE2eDatabase(opened);
await opened.close();
process.stdout.write(JSON.stringify(state) + '\n');
process.exit(0);
