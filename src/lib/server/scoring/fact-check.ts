/**
 * The fact check's comments: on an area of the draft or one finding of it, each with its status
 * (oppen → besvarad → stangd). Who may take which step is the policy's; the repository checks it
 * against the comment as it is inside the transaction that changes it.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { recordAudit, type Actor } from '../accounts/audit';
import { ensureWithinLimit } from '../db/versioned';
import { DomainError } from '../errors';
import {
	canTakeStep,
	factCheckSteps,
	type FactCheckStatus,
	type FactCheckStep,
	type FactCheckTarget,
	type FactCheckTargetKind
} from '$lib/domain/fact-check';
import { textLimits } from '$lib/domain/limits';
import { notifyFactCheckAnswer, notifyFactCheckComment } from '../mail/notifications';
import { appOrigin } from '../mail/config';
import type { Locale } from '$lib/i18n';

/** How the mail about a comment names its place and where its links point. */
export interface FactCheckMail {
	origin?: string;
	/** The area as the reader knows it, in their language ("3. Styrning och kontroll"). */
	area?: (areaId: string, locale: Locale) => string;
}

export interface FactCheckComment {
	id: number;
	areaId: string;
	targetKind: FactCheckTargetKind;
	findingId: number | null;
	subareaId: string | null;
	/** The finding's text when the comment was written. */
	quote: string | null;
	body: string;
	status: FactCheckStatus;
	createdAt: Date;
	author: string;
	answer: string | null;
	answeredBy: string | null;
	answeredAt: Date | null;
	closedBy: string | null;
	closedAt: Date | null;
}

/** Every comment of the evaluation, oldest first. */
export async function listFactCheckComments(
	db: Database,
	evaluationId: number
): Promise<FactCheckComment[]> {
	return db
		.selectFrom('fact_check_comment as c')
		.innerJoin('app_user as a', 'a.id', 'c.author_id')
		.leftJoin('app_user as b', 'b.id', 'c.answered_by')
		.leftJoin('app_user as s', 's.id', 'c.closed_by')
		.select((eb) => [
			'c.id',
			'c.area_id as areaId',
			'c.target_kind as targetKind',
			'c.finding_id as findingId',
			'c.subarea_id as subareaId',
			'c.quote',
			'c.body',
			'c.status',
			'c.created_at as createdAt',
			eb.fn
				.coalesce(eb.fn<string | null>('nullif', ['a.name', eb.val('')]), 'a.email')
				.as('author'),
			'c.answer',
			'b.name as answeredBy',
			'c.answered_at as answeredAt',
			's.name as closedBy',
			'c.closed_at as closedAt'
		])
		.where('c.evaluation_id', '=', evaluationId)
		.orderBy('c.id')
		.execute();
}

/** The comments per status: the navigation's and the overview's counts, in one read. */
export async function countFactCheckComments(
	db: Database,
	evaluationId: number
): Promise<Record<FactCheckStatus, number>> {
	const rows = await db
		.selectFrom('fact_check_comment')
		.select((eb) => ['status', eb.fn.countAll<number>().as('n')])
		.where('evaluation_id', '=', evaluationId)
		.groupBy('status')
		.execute();
	const counts: Record<FactCheckStatus, number> = { oppen: 0, besvarad: 0, stangd: 0 };
	for (const r of rows) counts[r.status] = Number(r.n);
	return counts;
}

/** The open comments, for the publishing summary and its confirmation: who wrote what, where. */
export async function listOpenFactCheckComments(
	db: Database | Transaction<DB>,
	evaluationId: number
) {
	return db
		.selectFrom('fact_check_comment as c')
		.innerJoin('app_user as a', 'a.id', 'c.author_id')
		.select((eb) => [
			'c.id',
			'c.area_id as areaId',
			'c.target_kind as targetKind',
			'c.subarea_id as subareaId',
			'c.quote',
			'c.body',
			eb.fn.coalesce(eb.fn<string | null>('nullif', ['a.name', eb.val('')]), 'a.email').as('author')
		])
		.where('c.evaluation_id', '=', evaluationId)
		.where('c.status', '=', 'oppen')
		.orderBy('c.id')
		.execute();
}

/** The finding's current text, or undefined when it is not this evaluation's and area's. */
async function findingText(
	trx: Transaction<DB>,
	evaluationId: number,
	target: FactCheckTarget
): Promise<string | undefined> {
	switch (target.kind) {
		case 'area':
			return '';
		case 'strength':
		case 'improvement': {
			const row = await trx
				.selectFrom(target.kind)
				.select('text')
				.where('id', '=', target.findingId)
				.where('evaluation_id', '=', evaluationId)
				.where('area_id', '=', target.areaId)
				.executeTakeFirst();
			return row?.text;
		}
		case 'narrative': {
			if (!target.subareaId.startsWith(`${target.areaId}.`)) return undefined;
			const row = await trx
				.selectFrom('subarea_narrative')
				.select('text')
				.where('evaluation_id', '=', evaluationId)
				.where('subarea_id', '=', target.subareaId)
				.executeTakeFirst();
			return row?.text;
		}
	}
}

/** The contact comments on an area or one of its findings; the comment starts open. */
export async function addFactCheckComment(
	db: Database,
	actor: Actor & { id: number },
	evaluationId: number,
	target: FactCheckTarget,
	body: string,
	mail: FactCheckMail = {}
): Promise<number> {
	if (!body.trim()) throw new DomainError('errors.required', 'body');
	ensureWithinLimit(body, textLimits.factCheck, 'body');
	return db.transaction().execute(async (trx) => {
		const quote = await findingText(trx, evaluationId, target);
		if (quote === undefined) throw new DomainError('fc.errors.noSuchFinding', '_form', 404);
		const row = await trx
			.insertInto('fact_check_comment')
			.values({
				evaluation_id: evaluationId,
				area_id: target.areaId,
				target_kind: target.kind,
				finding_id: 'findingId' in target ? target.findingId : null,
				subarea_id: 'subareaId' in target ? target.subareaId : null,
				quote: target.kind === 'area' ? null : quote,
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
			after: { ...target, body: body.trim(), status: 'oppen' }
		});
		// In the same transaction: a comment that is not saved mails nobody.
		await notifyFactCheckComment(trx, {
			evaluationId,
			authorId: actor.id,
			area: (locale) => mail.area?.(target.areaId, locale) ?? target.areaId,
			text: body.trim(),
			origin: mail.origin ?? appOrigin()
		});
		return row.id;
	});
}

/**
 * Takes one step on a comment if `may` allows it for the comment as it is now: the comment is
 * locked first, so an answer and a close racing each other cannot both apply to the same status.
 */
async function takeStep(
	db: Database,
	actor: Actor & { id: number },
	evaluationId: number,
	commentId: number,
	step: FactCheckStep,
	may: (comment: { status: FactCheckStatus; authorId: number }) => boolean,
	changes: (now: Date) => Partial<{
		answer: string;
		answered_by: number;
		answered_at: Date;
		closed_by: number;
		closed_at: Date;
	}>,
	audit: { before?: unknown; after?: unknown } = {},
	then?: (trx: Transaction<DB>, comment: { authorId: number; areaId: string }) => Promise<void>
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const row = await trx
			.selectFrom('fact_check_comment')
			.select(['evaluation_id', 'status', 'author_id', 'answer', 'area_id'])
			.where('id', '=', commentId)
			.forUpdate()
			.executeTakeFirst();
		if (!row || row.evaluation_id !== evaluationId)
			throw new DomainError('errors.notFound', '_form', 404);
		if (!canTakeStep(row.status, step))
			throw new DomainError(`fc.errors.${row.status}`, '_form', 409);
		if (!may({ status: row.status, authorId: row.author_id }))
			throw new DomainError('errors.forbidden', '_form', 403);
		const to = factCheckSteps[step].to;
		await trx
			.updateTable('fact_check_comment')
			.set({ ...changes(new Date()), status: to })
			.where('id', '=', commentId)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: 'fact_check_comment',
			entityId: commentId,
			evaluationId,
			action: step,
			before: { status: row.status, ...(audit.before as object) },
			after: { status: to, ...(audit.after as object) }
		});
		await then?.(trx, { authorId: row.author_id, areaId: row.area_id });
	});
}

/** The team answers an open comment: it becomes `besvarad`. */
export async function answerFactCheckComment(
	db: Database,
	actor: Actor & { id: number },
	evaluationId: number,
	commentId: number,
	answer: string,
	may: (comment: { status: FactCheckStatus; authorId: number }) => boolean,
	mail: FactCheckMail = {}
): Promise<void> {
	if (!answer.trim()) throw new DomainError('errors.required', 'answer');
	ensureWithinLimit(answer, textLimits.factCheck, 'answer');
	await takeStep(
		db,
		actor,
		evaluationId,
		commentId,
		'answer',
		may,
		(now) => ({ answer: answer.trim(), answered_by: actor.id, answered_at: now }),
		{ after: { answer: answer.trim() } },
		(trx, comment) =>
			notifyFactCheckAnswer(trx, {
				evaluationId,
				commentAuthorId: comment.authorId,
				answererId: actor.id,
				area: (locale) => mail.area?.(comment.areaId, locale) ?? comment.areaId,
				text: answer.trim(),
				origin: mail.origin ?? appOrigin()
			})
	);
}

/** The contact (or the team, once answered) closes a comment: it becomes `stangd`. */
export async function closeFactCheckComment(
	db: Database,
	actor: Actor & { id: number },
	evaluationId: number,
	commentId: number,
	may: (comment: { status: FactCheckStatus; authorId: number }) => boolean
): Promise<void> {
	await takeStep(db, actor, evaluationId, commentId, 'close', may, (now) => ({
		closed_by: actor.id,
		closed_at: now
	}));
}
