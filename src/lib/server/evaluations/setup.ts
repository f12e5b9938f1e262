/**
 * An evaluation's set-up: its team, contact and planned dates, changed by the coordinator until
 * it is published. What a re-evaluation carries over from the evaluation before it is in
 * carried-documents.ts; a user's next tasks in evaluation-tasks.ts.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { recordAudit, type Actor } from '../accounts/audit';
import type { TextLanguage } from '$lib/domain/text-language';
import { DomainError } from '../errors';
import { datesOutOfOrder, type PlannedDates } from '$lib/domain/tasks';
import { mayBeContact, mayJoinTeam } from '$lib/domain/roles';
import type { EvaluationStatus } from '$lib/domain/lifecycle';

/** Refuses a team that is not distinct, active evaluators. */
export async function checkTeam(trx: Transaction<DB> | Database, userIds: number[]) {
	const team = userIds.length
		? await trx
				.selectFrom('app_user')
				.select(['id', 'role', 'active'])
				.where('id', 'in', userIds)
				.execute()
		: [];
	if (team.length !== new Set(userIds).size || !team.every(mayJoinTeam)) {
		throw new DomainError('ws.errors.team', 'team');
	}
}

/** Refuses a contact who is not an active contact person of the municipality. */
export async function checkContact(
	trx: Transaction<DB> | Database,
	contactUserId: number | null,
	municipalityCode: string
) {
	if (!contactUserId) return;
	const contact = await trx
		.selectFrom('app_user')
		.select(['role', 'active', 'municipality_code as municipalityCode'])
		.where('id', '=', contactUserId)
		.executeTakeFirst();
	if (!contact || !mayBeContact(contact, municipalityCode)) {
		throw new DomainError('ws.errors.contact', 'contactUserId');
	}
}

/** Refuses planned dates out of order (the visit's last day before its first, and so on). */
export function checkDates(dates: PlannedDates) {
	if (dates.visitStart && dates.visitEnd && dates.visitEnd < dates.visitStart)
		throw new DomainError('ws.errors.visitOrder', 'visitEnd');
	const [wrong] = datesOutOfOrder(dates);
	if (wrong) throw new DomainError('setup.errors.dateOrder', wrong);
}

/** An existing evaluation of the same municipality, year and rubric: creating it again links here. */
export class DuplicateEvaluationError extends DomainError {
	constructor(public readonly existingId: number) {
		super('ws.errors.duplicate', 'year', 409);
	}
}

export interface EvaluationSetup extends PlannedDates {
	id: number;
	municipalityCode: string;
	status: EvaluationStatus;
	rowVersion: number;
	teamUserIds: number[];
	contactUserId: number | null;
	/** Team members with a score sheet: they cannot leave the team any more. */
	membersWithSheet: number[];
}

export async function loadEvaluationSetup(
	db: Database | Transaction<DB>,
	id: number
): Promise<EvaluationSetup | undefined> {
	const e = await db
		.selectFrom('evaluation')
		.select([
			'id',
			'municipality_code as municipalityCode',
			'status',
			'row_version as rowVersion',
			'contact_user_id as contactUserId',
			'answers_due as answersDue',
			'visit_start as visitStart',
			'visit_end as visitEnd',
			'fact_check_due as factCheckDue',
			'publication_planned as publicationPlanned'
		])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!e) return undefined;
	const members = await db
		.selectFrom('evaluation_member as em')
		.leftJoin('score_sheet as s', (j) =>
			j.onRef('s.evaluation_id', '=', 'em.evaluation_id').onRef('s.user_id', '=', 'em.user_id')
		)
		.select(['em.user_id', 's.id as sheetId'])
		.where('em.evaluation_id', '=', id)
		.execute();
	return {
		...e,
		teamUserIds: members.map((m) => m.user_id),
		membersWithSheet: members.filter((m) => m.sheetId !== null).map((m) => m.user_id)
	};
}

export interface SetupChange extends PlannedDates {
	teamUserIds: number[];
	contactUserId: number | null;
	expectedVersion: number;
}

/**
 * Changes the team, contact and planned dates of an evaluation that is not published. A new
 * member has not declared on conflict of interest (jäv) here, so is asked to; a member who has a
 * score sheet stays. One audit row holds what changed, in the same transaction.
 */
export async function updateEvaluationSetup(
	db: Database,
	actor: Actor,
	evaluationId: number,
	change: SetupChange
): Promise<{ added: number[]; removed: number[] }> {
	checkDates(change);
	return db.transaction().execute(async (trx) => {
		const before = await loadEvaluationSetup(trx, evaluationId);
		if (!before) throw new DomainError('errors.notFound', '_form', 404);
		if (before.status === 'publicerad')
			throw new DomainError('setup.errors.published', '_form', 409);
		if (before.rowVersion !== change.expectedVersion)
			throw new DomainError('ws.errors.stale', '_form', 409);
		await checkTeam(trx, change.teamUserIds);
		await checkContact(trx, change.contactUserId, before.municipalityCode);
		const added = change.teamUserIds.filter((id) => !before.teamUserIds.includes(id));
		const removed = before.teamUserIds.filter((id) => !change.teamUserIds.includes(id));
		if (removed.some((id) => before.membersWithSheet.includes(id)))
			throw new DomainError('setup.errors.memberHasSheet', 'team');
		const fields = {
			contact_user_id: change.contactUserId,
			answers_due: change.answersDue,
			visit_start: change.visitStart,
			visit_end: change.visitEnd,
			fact_check_due: change.factCheckDue,
			publication_planned: change.publicationPlanned
		};
		const updated = await trx
			.updateTable('evaluation')
			.set({
				...fields,
				evaluated_at: change.visitStart ? change.visitStart.slice(0, 7) : null,
				updated_at: new Date(),
				row_version: sql`row_version + 1`
			})
			.where('id', '=', evaluationId)
			.where('row_version', '=', change.expectedVersion)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) !== 1)
			throw new DomainError('ws.errors.stale', '_form', 409);
		if (removed.length)
			await trx
				.deleteFrom('evaluation_member')
				.where('evaluation_id', '=', evaluationId)
				.where('user_id', 'in', removed)
				.execute();
		if (added.length)
			await trx
				.insertInto('evaluation_member')
				.values(added.map((user_id) => ({ evaluation_id: evaluationId, user_id })))
				.execute();
		const was = {
			contactUserId: before.contactUserId,
			answersDue: before.answersDue,
			visitStart: before.visitStart,
			visitEnd: before.visitEnd,
			factCheckDue: before.factCheckDue,
			publicationPlanned: before.publicationPlanned
		};
		const now = {
			contactUserId: change.contactUserId,
			answersDue: change.answersDue,
			visitStart: change.visitStart,
			visitEnd: change.visitEnd,
			factCheckDue: change.factCheckDue,
			publicationPlanned: change.publicationPlanned
		};
		const changed = (Object.keys(now) as (keyof typeof now)[]).filter((k) => was[k] !== now[k]);
		if (changed.length || added.length || removed.length) {
			await recordAudit(trx, {
				actor,
				entity: 'evaluation',
				entityId: evaluationId,
				evaluationId,
				action: 'update-setup',
				before: {
					...Object.fromEntries(changed.map((k) => [k, was[k]])),
					...(added.length || removed.length ? { teamUserIds: before.teamUserIds } : {})
				},
				after: {
					...Object.fromEntries(changed.map((k) => [k, now[k]])),
					...(added.length || removed.length
						? { teamUserIds: change.teamUserIds, added, removed }
						: {})
				}
			});
		}
		return { added, removed };
	});
}

/**
 * Sets the language the team writes the evaluation's texts in, until it is published (the
 * published report reads it, so it stays as it was published). Audited in the same transaction.
 */
export async function updateTextLanguage(
	db: Database,
	actor: Actor,
	evaluationId: number,
	language: TextLanguage
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('evaluation')
			.select(['status', 'text_language'])
			.where('id', '=', evaluationId)
			.forUpdate()
			.executeTakeFirst();
		if (!before) throw new DomainError('errors.notFound', '_form', 404);
		if (before.status === 'publicerad')
			throw new DomainError('setup.errors.published', '_form', 409);
		if (before.text_language === language) return;
		await trx
			.updateTable('evaluation')
			.set({ text_language: language, updated_at: new Date() })
			.where('id', '=', evaluationId)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: 'evaluation',
			entityId: evaluationId,
			evaluationId,
			action: 'update-setup',
			before: { textLanguage: before.text_language },
			after: { textLanguage: language }
		});
	});
}
