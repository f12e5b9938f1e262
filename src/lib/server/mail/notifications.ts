/**
 * Who is told what by mail, written into the outbox inside the transaction of the change that
 * causes it. Each notification is the recipient's choice (the notify_* columns, set under
 * /konto) and goes only to active accounts, in their own language.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import type { EvaluationStatus } from '$lib/domain/lifecycle';
import type { Locale } from '$lib/i18n';
import { enqueueMail } from './outbox';
import {
	factCheckAnswerMail,
	factCheckCommentMail,
	overdueDigestMail,
	selfAssessmentShareMail,
	stageMail,
	type StageTodo
} from '../mail/messages';

type Executor = Transaction<DB> | Database;
type Choice = 'notify_fact_check' | 'notify_stage' | 'notify_overdue' | 'notify_self_assessment';

interface Person {
	id: number;
	email: string;
	name: string;
	locale: Locale;
}

/** "Karlskoga 2022": how mail names an evaluation. */
async function evaluationLabel(trx: Executor, evaluationId: number): Promise<string> {
	const e = await trx
		.selectFrom('evaluation as e')
		.innerJoin('municipality as mu', 'mu.code', 'e.municipality_code')
		.select(['mu.name', 'e.year'])
		.where('e.id', '=', evaluationId)
		.executeTakeFirstOrThrow();
	return `${e.name} ${e.year}`;
}

/** The evaluation's team members who chose this kind of mail. */
async function teamWanting(trx: Executor, evaluationId: number, choice: Choice): Promise<Person[]> {
	return trx
		.selectFrom('evaluation_member as em')
		.innerJoin('app_user as u', 'u.id', 'em.user_id')
		.select(['u.id', 'u.email', 'u.name', 'u.locale'])
		.where('em.evaluation_id', '=', evaluationId)
		.where('u.active', '=', true)
		.where(`u.${choice}`, '=', true)
		.orderBy('u.id')
		.execute();
}

/** The evaluation's contact, if they chose this kind of mail. */
async function contactWanting(
	trx: Executor,
	evaluationId: number,
	choice: Choice
): Promise<Person[]> {
	return trx
		.selectFrom('evaluation as e')
		.innerJoin('app_user as u', 'u.id', 'e.contact_user_id')
		.select(['u.id', 'u.email', 'u.name', 'u.locale'])
		.where('e.id', '=', evaluationId)
		.where('u.active', '=', true)
		.where(`u.${choice}`, '=', true)
		.execute();
}

const nameOf = async (trx: Executor, userId: number) => {
	const u = await trx
		.selectFrom('app_user')
		.select(['name', 'email'])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
	return u.name || u.email;
};

/** A contact's new fact-check comment: the team is told. */
export async function notifyFactCheckComment(
	trx: Executor,
	p: {
		evaluationId: number;
		authorId: number;
		area: (locale: Locale) => string;
		text: string;
		origin: string;
	}
): Promise<void> {
	const [evaluation, author, team] = [
		await evaluationLabel(trx, p.evaluationId),
		await nameOf(trx, p.authorId),
		await teamWanting(trx, p.evaluationId, 'notify_fact_check')
	];
	for (const r of team) {
		if (r.id === p.authorId) continue;
		const rendered = factCheckCommentMail(r, { ...p, area: p.area(r.locale), evaluation, author });
		await enqueueMail(trx, { kind: 'fact-check', to: r.email, userId: r.id, rendered });
	}
}

/** The team's answer to a comment: its author is told. */
export async function notifyFactCheckAnswer(
	trx: Executor,
	p: {
		evaluationId: number;
		commentAuthorId: number;
		answererId: number;
		area: (locale: Locale) => string;
		text: string;
		origin: string;
	}
): Promise<void> {
	const author = await trx
		.selectFrom('app_user')
		.select(['id', 'email', 'name', 'locale'])
		.where('id', '=', p.commentAuthorId)
		.where('active', '=', true)
		.where('notify_fact_check', '=', true)
		.executeTakeFirst();
	if (!author || author.id === p.answererId) return;
	const rendered = factCheckAnswerMail(author, {
		...p,
		area: p.area(author.locale),
		evaluation: await evaluationLabel(trx, p.evaluationId),
		author: await nameOf(trx, p.answererId)
	});
	await enqueueMail(trx, { kind: 'fact-check', to: author.email, userId: author.id, rendered });
}

/**
 * Who has something to do when an evaluation reaches a stage, and what. An evaluator who has not
 * yet declared that they have no conflict of interest is asked to first: nothing opens before it.
 */
const stageTodos: Partial<Record<EvaluationStatus, { team?: StageTodo[]; contact?: StageTodo[] }>> =
	{
		insamling: { contact: ['answer'] },
		poangsattning: { team: ['score'] },
		kalibrering: { team: ['calibrate'] },
		faktagranskning: { contact: ['review'] }
	};

/** The team members who chose stage mail, with whether they declared no conflict of interest. */
async function teamForStage(trx: Executor, evaluationId: number) {
	return trx
		.selectFrom('evaluation_member as em')
		.innerJoin('app_user as u', 'u.id', 'em.user_id')
		.select(['u.id', 'u.email', 'u.name', 'u.locale', 'em.no_conflict_declared_at as declaredAt'])
		.where('em.evaluation_id', '=', evaluationId)
		.where('u.active', '=', true)
		.where('u.notify_stage', '=', true)
		.orderBy('u.id')
		.execute();
}

/** An evaluation reached `stage`: those with something to do in it are told. */
export async function notifyStage(
	trx: Executor,
	p: { evaluationId: number; stage: EvaluationStatus; actorId: number | null; origin: string }
): Promise<void> {
	const todos = stageTodos[p.stage];
	if (!todos) return;
	const evaluation = await evaluationLabel(trx, p.evaluationId);
	const told: [Person, StageTodo[]][] = [];
	if (todos.team)
		for (const r of await teamForStage(trx, p.evaluationId))
			told.push([r, r.declaredAt ? todos.team : ['declare', ...todos.team]]);
	if (todos.contact)
		for (const r of await contactWanting(trx, p.evaluationId, 'notify_stage'))
			told.push([r, todos.contact]);
	for (const [r, todo] of told) {
		if (r.id === p.actorId) continue;
		const rendered = stageMail(r, { ...p, evaluation, todos: todo });
		await enqueueMail(trx, { kind: 'stage', to: r.email, userId: r.id, rendered });
	}
}

/** A self-assessment was shared with an evaluation: its team is told. */
export async function notifySelfAssessmentShare(
	trx: Executor,
	p: { evaluationId: number; name: string; origin: string }
): Promise<void> {
	const e = await trx
		.selectFrom('evaluation as e')
		.innerJoin('municipality as mu', 'mu.code', 'e.municipality_code')
		.select(['mu.name', 'e.year'])
		.where('e.id', '=', p.evaluationId)
		.executeTakeFirstOrThrow();
	for (const r of await teamWanting(trx, p.evaluationId, 'notify_self_assessment')) {
		const rendered = selfAssessmentShareMail(r, {
			...p,
			evaluation: `${e.name} ${e.year}`,
			municipality: e.name
		});
		await enqueueMail(trx, { kind: 'self-assessment', to: r.email, userId: r.id, rendered });
	}
}

/** Everyone who may get today's overdue digest: their unpublished evaluations and part in each. */
export async function listOverdueDigestCandidates(db: Database, today: string) {
	const rows = await db
		.selectFrom('app_user as u')
		.innerJoin('evaluation as e', (join) =>
			join.on((eb) =>
				eb.or([
					eb('e.contact_user_id', '=', eb.ref('u.id')),
					eb.exists(
						eb
							.selectFrom('evaluation_member as em')
							.select('em.user_id')
							.whereRef('em.evaluation_id', '=', 'e.id')
							.whereRef('em.user_id', '=', 'u.id')
					)
				])
			)
		)
		.innerJoin('municipality as mu', 'mu.code', 'e.municipality_code')
		.select([
			'u.id',
			'u.email',
			'u.name',
			'u.locale',
			'u.role',
			'e.id as evaluationId',
			'mu.name as municipality',
			'e.year'
		])
		.where('u.active', '=', true)
		.where('u.notify_overdue', '=', true)
		.where('e.status', '!=', 'publicerad')
		.where((eb) =>
			eb.or([eb('u.overdue_digest_on', 'is', null), eb('u.overdue_digest_on', '<', today)])
		)
		.orderBy('u.id')
		.orderBy('e.id')
		.execute();
	return rows;
}

/**
 * Queues one user's digest and marks the day, once: the day is claimed by the same statement that
 * checks it, so two app servers running the digest at once write it once.
 */
export async function queueOverdueDigest(
	db: Database,
	user: Person,
	today: string,
	items: { evaluation: string; task: string; date: string }[],
	origin: string
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const claimed = await trx
			.updateTable('app_user')
			.set({ overdue_digest_on: today })
			.where('id', '=', user.id)
			.where((eb) =>
				eb.or([eb('overdue_digest_on', 'is', null), eb('overdue_digest_on', '<', today)])
			)
			.returning('id')
			.executeTakeFirst();
		if (!claimed) return false;
		const rendered = overdueDigestMail(user, { origin, items });
		await enqueueMail(trx, { kind: 'overdue', to: user.email, userId: user.id, rendered });
		return true;
	});
}

export interface NotificationChoices {
	factCheck: boolean;
	stage: boolean;
	overdue: boolean;
	selfAssessment: boolean;
}

/** The user's notification choices, for /konto. */
export async function getNotificationChoices(
	db: Database,
	userId: number
): Promise<NotificationChoices> {
	return db
		.selectFrom('app_user')
		.select([
			'notify_fact_check as factCheck',
			'notify_stage as stage',
			'notify_overdue as overdue',
			'notify_self_assessment as selfAssessment'
		])
		.where('id', '=', userId)
		.executeTakeFirstOrThrow();
}

export async function saveNotificationChoices(
	db: Database,
	userId: number,
	c: NotificationChoices
): Promise<void> {
	await db
		.updateTable('app_user')
		.set({
			notify_fact_check: c.factCheck,
			notify_stage: c.stage,
			notify_overdue: c.overdue,
			notify_self_assessment: c.selfAssessment
		})
		.where('id', '=', userId)
		.execute();
}

/** The language the user's mail is written in: set when they choose the interface language. */
export async function saveMailLocale(db: Database, userId: number, locale: Locale): Promise<void> {
	await db.updateTable('app_user').set({ locale }).where('id', '=', userId).execute();
}
