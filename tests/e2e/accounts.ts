import type { Database } from '../../src/lib/server/db';
import { createUser } from '../../src/lib/server/accounts/users';
import { systemActor } from '../../src/lib/server/accounts/audit';
import type { Role } from '../../src/lib/domain/roles';

export interface TestAccount {
	email: string;
	password: string;
	name: string;
	role: Role;
	municipalityCode: string | null;
}

const password = 'testlösenord-2026!';

/** Known accounts for the browser tests; passwords chosen (so no change is forced). */
export const testAccounts = {
	coordinator: {
		email: 'samordnare@test.se',
		password,
		name: 'Sara Samordnare',
		role: 'coordinator',
		municipalityCode: null
	},
	evaluator1: {
		email: 'utvarderare1@test.se',
		password,
		name: 'Erik Utvärderare',
		role: 'evaluator',
		municipalityCode: null
	},
	evaluator2: {
		email: 'utvarderare2@test.se',
		password,
		name: 'Eva Utvärderare',
		role: 'evaluator',
		municipalityCode: null
	},
	evaluator3: {
		email: 'utvarderare3@test.se',
		password,
		name: 'Emil Utanför',
		role: 'evaluator',
		municipalityCode: null
	},
	karlskoga: {
		email: 'kontakt@karlskoga.test.se',
		password,
		name: 'Kim Karlskoga',
		role: 'municipality',
		municipalityCode: '1883'
	},
	vallentuna: {
		email: 'kontakt@vallentuna.test.se',
		password,
		name: 'Vera Vallentuna',
		role: 'municipality',
		municipalityCode: '0115'
	},
	lund: {
		email: 'kontakt@lund.test.se',
		password,
		name: 'Lisa Lund',
		role: 'municipality',
		municipalityCode: '1281'
	}
} satisfies Record<string, TestAccount>;

/**
 * A municipality user of Upplands Väsby (0114), for the self-assessment tests only; kept out of
 * `testAccounts` so tests that go through every account are unchanged.
 */
export const selfAssessmentAccount = {
	email: 'kommun@vasby.test.se',
	password,
	name: 'Vilma Väsby',
	role: 'municipality',
	municipalityCode: '0114'
} satisfies TestAccount;

/** A colleague of Lund's contact, in the self-assessments prepared for the page checks only. */
export const lundColleagueAccount = {
	email: 'kollega@lund.test.se',
	password,
	name: 'Lars Lund',
	role: 'municipality',
	municipalityCode: '1281'
} satisfies TestAccount;

export async function createTestAccounts(
	db: Database
): Promise<Record<keyof typeof testAccounts, number>> {
	const ids = {} as Record<keyof typeof testAccounts, number>;
	for (const [key, account] of Object.entries(testAccounts) as [
		keyof typeof testAccounts,
		TestAccount
	][]) {
		const { user } = await createUser(db, systemActor, account);
		ids[key] = user.id;
	}
	return ids;
}

/** Where the e2e server writes the ids the tests need (one file per port). */
export function statePath(port: string | number): string {
	return `${process.env.TMPDIR ?? '/tmp'}/kk-e2e-state-${port}.json`;
}

export interface E2eState {
	/** Vallentuna 2026: a draft in collection with evaluator1 and evaluator2 and Vallentuna's contact. */
	draftId: number;
	/** Hedemora 2025 (demo, in collection): its team is the demo's, not the test evaluators. */
	otherDraftId: number;
	karlskoga2022Id: number;
	/** Göteborg 2026: a draft in scoring with evaluator1 and evaluator2, both free of jäv. */
	blindDraftId: number;
	/** Stockholm 2026 in scoring and Malmö 2026 in calibration, for the autosave tests. */
	scoringDraftId: number;
	calibrationDraftId: number;
	/** Solna 2026 in calibration, both sheets handed in (they differ in area 1). */
	calibratedDraftId: number;
	/**
	 * Borås 2026 in scoring, both sheets filled in and not handed in: 30 subareas the same, the
	 * first six different; evaluator1 justifies all, evaluator2 only the six.
	 */
	calibrationRunDraftId: number;
	/** Upplands Väsby 2026 in scoring (evaluator1 and evaluator2), for sharing a self-assessment. */
	selfAssessmentDraftId: number;
	/**
	 * Lund 2026 in faktagranskning with Lund's contact, evaluator1 and evaluator2, every subarea
	 * agreed, a strength and a narrative in area 2: for the fact-check and publishing test.
	 */
	factCheckDraftId: number;
	/**
	 * Lund 2025 in faktagranskning, as Lund 2026 above, with one comment answered and one open:
	 * for the page checks (pages.ts), so it stays in the fact check whatever the tests do.
	 */
	factCheckPagesDraftId: number;
	/**
	 * Lund's self-assessments for the page checks: one being scored (the contact alone, 10 of the
	 * subareas scored), one being agreed and one done (the contact and Lars Lund), the done one
	 * shared with Lund 2025.
	 */
	lundSelfAssessments: { scoring: number; agreeing: number; done: number };
}
