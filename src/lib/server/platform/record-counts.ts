/** How much a database holds, to tell the operator what a restored backup brought back. */
import type { Database } from '../db';

export interface RecordCounts {
	users: number;
	evaluations: number;
	documents: number;
}

export async function countRecords(db: Database): Promise<RecordCounts> {
	const count = async (table: 'app_user' | 'evaluation' | 'source_document') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	return {
		users: await count('app_user'),
		evaluations: await count('evaluation'),
		documents: await count('source_document')
	};
}
