import type { Database } from '../db';
import { recordAudit, type Actor } from './audit';
import { DomainError } from '../errors';

export async function listFactCheckComments(db: Database, evaluationId: number) {
	return db
		.selectFrom('fact_check_comment as c')
		.innerJoin('app_user as a', 'a.id', 'c.author_id')
		.leftJoin('app_user as b', 'b.id', 'c.answered_by')
		.select([
			'c.id',
			'c.area_id as areaId',
			'c.body',
			'c.created_at as createdAt',
			'a.name as author',
			'c.answer',
			'b.name as answeredBy',
			'c.answered_at as answeredAt'
		])
		.where('c.evaluation_id', '=', evaluationId)
		.orderBy('c.id')
		.execute();
}

export async function addFactCheckComment(
	db: Database,
	actor: Actor & { id: number },
	evaluationId: number,
	areaId: string,
	body: string
) {
	if (!body.trim()) throw new DomainError('errors.required', 'body');
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('fact_check_comment')
			.values({
				evaluation_id: evaluationId,
				area_id: areaId,
				author_id: actor.id,
				body: body.trim()
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'fact_check_comment',
			entityId: row.id,
			evaluationId,
			action: 'create',
			after: { areaId, body }
		});
	});
}

export async function answerFactCheckComment(
	db: Database,
	actor: Actor & { id: number },
	evaluationId: number,
	commentId: number,
	answer: string
) {
	if (!answer.trim()) throw new DomainError('errors.required', 'answer');
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('fact_check_comment')
			.select(['evaluation_id', 'answer'])
			.where('id', '=', commentId)
			.executeTakeFirst();
		if (!row || row.evaluation_id !== evaluationId)
			throw new DomainError('errors.notFound', '_form', 404);
		await trx
			.updateTable('fact_check_comment')
			.set({ answer: answer.trim(), answered_by: actor.id, answered_at: new Date() })
			.where('id', '=', commentId)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: 'fact_check_comment',
			entityId: commentId,
			evaluationId,
			action: 'answer',
			before: row.answer,
			after: answer
		});
	});
}
