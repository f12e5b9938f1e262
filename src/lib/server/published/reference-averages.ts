import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';

export interface ReferenceAverage {
	id: number;
	name: string;
	rubricId: string;
	asOf: string;
	source: string;
	areaScores: Record<string, number>;
}

export async function listReferenceAverages(
	db: Database,
	rubricId?: string
): Promise<ReferenceAverage[]> {
	let query = db
		.selectFrom('reference_average')
		.select([
			'id',
			'name',
			'rubric_id as rubricId',
			'as_of as asOf',
			'source',
			'area_scores as areaScores'
		])
		.orderBy('as_of', 'desc');
	if (rubricId) query = query.where('rubric_id', '=', rubricId);
	return query.execute();
}

export async function createReferenceAverage(
	db: Database,
	actor: Actor,
	input: Omit<ReferenceAverage, 'id'>
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const { id } = await trx
			.insertInto('reference_average')
			.values({
				name: input.name,
				rubric_id: input.rubricId,
				as_of: input.asOf,
				source: input.source,
				area_scores: JSON.stringify(input.areaScores)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'reference_average',
			entityId: id,
			action: 'create',
			after: input
		});
		return id;
	});
}
