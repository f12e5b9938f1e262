import type { Database } from '../index';
import { systemActor } from '../../accounts/audit';
import { createUser } from '../../accounts/users';

/** A demo sign-in: shown once at the first start, with the coordinator's. */
export interface DemoSignIn {
	email: string;
	name: string;
	oneTimePassword: string;
}

const demoUsers = [
	{
		key: 'evaluatorA',
		email: 'demo-utvarderare-a@kommunkompassen.local',
		name: 'Demo – Utvärderare A',
		role: 'evaluator'
	},
	{
		key: 'evaluatorB',
		email: 'demo-utvarderare-b@kommunkompassen.local',
		name: 'Demo – Utvärderare B',
		role: 'evaluator'
	},
	{
		key: 'contact',
		email: 'demo-kontakt-hedemora@kommunkompassen.local',
		name: 'Demo – Kontaktperson Hedemora',
		role: 'municipality',
		municipalityCode: '2083'
	}
] as const;

export interface DemoUsers {
	ids: Record<(typeof demoUsers)[number]['key'], number>;
	signIns: DemoSignIn[];
}

/**
 * The demo's people, named "Demo – …": two evaluators (Karlskoga 2022's team and Hedemora 2025's)
 * and Hedemora's contact, each with a one-time password shown once at the first start.
 */
export async function seedDemoUsers(db: Database): Promise<DemoUsers> {
	const signIns: DemoSignIn[] = [];
	const ids = {} as DemoUsers['ids'];
	for (const u of demoUsers) {
		const { user, oneTimePassword } = await createUser(db, systemActor, u);
		ids[u.key] = user.id;
		signIns.push({ email: u.email, name: u.name, oneTimePassword: oneTimePassword! });
	}
	return { ids, signIns };
}
