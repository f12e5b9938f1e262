/**
 * The browser tests' database: the demo data, the test accounts (accounts.ts) and Vallentuna
 * 2026 in collection with evaluator1 and evaluator2 on its team.
 */
import type { OpenedDatabase } from '../../src/lib/server/db';
import { prepareDatabase } from '../../src/lib/server/app';
import { createEvaluation } from '../../src/lib/server/repositories/evaluations';
import { systemActor } from '../../src/lib/server/audit';
import { createTestAccounts, type E2eState } from './accounts';

export async function prepareE2eDatabase(
	opened: OpenedDatabase,
	log: (m: string) => void = () => {}
): Promise<E2eState> {
	await prepareDatabase(opened.db, { demo: true, log });
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
	const find = (code: string, year: number) =>
		opened.db
			.selectFrom('evaluation')
			.select('id')
			.where('municipality_code', '=', code)
			.where('year', '=', year)
			.where('origin', '=', 'workspace')
			.executeTakeFirstOrThrow();
	return {
		draftId,
		otherDraftId: (await find('2083', 2026)).id,
		karlskoga2022Id: (await find('1883', 2022)).id
	};
}
