/**
 * Evaluations for database tests: a new one with only what the test is about named (the rest as
 * an evaluation is most often created: 2026, the 2020 rubric, no team, contact or visit), and the
 * id of one of the demo data's evaluations.
 */
import type { Database } from '../../src/lib/server/db';
import { systemActor } from '../../src/lib/server/accounts/audit';
import { createEvaluation, type NewEvaluation } from '../../src/lib/server/evaluations/evaluations';

/** Creates an evaluation as the system would; `input` overrides the defaults. */
export function createTestEvaluation(
	db: Database,
	input: Pick<NewEvaluation, 'municipalityCode'> & Partial<NewEvaluation>
): Promise<number> {
	return createEvaluation(db, systemActor, {
		year: 2026,
		rubricId: 'kommunkompassen-2020',
		teamUserIds: [],
		contactUserId: null,
		visitStart: null,
		visitEnd: null,
		...input
	});
}

/** The id of a demo evaluation (`createTestDatabase({ demo: true })`): Karlskoga 2022 by default. */
export async function demoEvaluationId(db: Database, municipalityCode = '1883', year = 2022) {
	const { id } = await db
		.selectFrom('evaluation')
		.select('id')
		.where('municipality_code', '=', municipalityCode)
		.where('year', '=', year)
		.executeTakeFirstOrThrow();
	return id;
}
