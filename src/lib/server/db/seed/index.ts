import type { Database } from '../index';
import { upsertMunicipalities } from '../../register/municipalities';
import municipalitiesFile from './reference/municipalities.json';
import { seedPublishedResults } from './published-results';
import { seedKarlskoga } from './karlskoga';
import { seedDocuments } from './documents';
import { seedDemoUsers, type DemoSignIn } from './demo-users';

export type { DemoSignIn };
import { seedActionPlans } from './action-plans';

export type SeedLog = (message: string) => void;

/** The register of the 290 municipalities; kept current on every start. */
export async function seedRegister(db: Database) {
	await upsertMunicipalities(db, municipalitiesFile.municipalities);
}

/** True when the database holds no evaluation yet: the moment to add demo data. */
export async function isEmpty(db: Database): Promise<boolean> {
	const row = await db.selectFrom('evaluation').select('id').limit(1).executeTakeFirst();
	return row === undefined;
}

/**
 * Demo data for a newcomer: the full Karlskoga 2022 evaluation, the other published results and
 * the reference average, an evaluation in progress with a demo team and contact (whose sign-ins
 * are returned, to be shown once), documents, and an example action plan. Each step is its own feature's.
 */
export async function seedDemo(db: Database, log: SeedLog): Promise<DemoSignIn[]> {
	const users = await seedDemoUsers(db);
	await seedKarlskoga(db, log, [users.ids.evaluatorA, users.ids.evaluatorB]);
	await seedPublishedResults(db, log);
	await seedDocuments(db, log, users);
	await seedActionPlans(db, log);
	return users.signIns;
}
