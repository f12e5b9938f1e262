/**
 * An evaluation's set-up: its team, contact and planned dates, changed by the coordinator until
 * it is published; and what a re-evaluation carries over from the evaluation before it.
 */
import { hostname } from 'node:os';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import { recordAudit, type Actor } from './audit';
import { DomainError } from '../errors';
import { datesOutOfOrder, tasksFor, type PlannedDates, type Task } from '$lib/domain/tasks';
import { mayBeContact, mayJoinTeam, type Role } from '$lib/domain/roles';
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

/** Who holds a carried-over document until its pages are copied (see finishCarriedDocuments). */
const carryClaimant = `carry-over:${hostname()}:${process.pid}`;

/**
 * Copies the previous evaluation's governing documents (the files) to a new re-evaluation, marked
 * as carried over; the municipality then says which still apply. A document the municipality said
 * no longer applies is not carried again. Runs inside the creating transaction in one statement:
 * the bytes never leave the database. The extracted pages follow off the request path
 * (finishCarriedDocuments): until then a copy is "bearbetas", claimed so the extraction queue
 * leaves it alone, and if this process dies first the queue extracts it again after the claim
 * timeout.
 */
export async function carryOverDocuments(
	trx: Transaction<DB>,
	fromEvaluationId: number,
	toEvaluationId: number
): Promise<number> {
	const copied = await trx
		.insertInto('source_document')
		.columns([
			'evaluation_id',
			'title',
			'kind',
			'document_date',
			'url',
			'file_name',
			'media_type',
			'size_bytes',
			'sha256',
			'content',
			'status',
			'uploaded_by',
			'carried_from_id',
			'claimed_by',
			'claimed_at'
		])
		.expression((eb) =>
			eb
				.selectFrom('source_document')
				.select([
					sql.lit(toEvaluationId).as('evaluation_id'),
					'title',
					'kind',
					'document_date',
					'url',
					'file_name',
					'media_type',
					'size_bytes',
					'sha256',
					'content',
					sql.lit('bearbetas').as('status'),
					'uploaded_by',
					'id',
					sql.lit(carryClaimant).as('claimed_by'),
					sql<Date>`now()`.as('claimed_at')
				])
				.where('evaluation_id', '=', fromEvaluationId)
				.where((w) => w.or([w('still_applies', 'is', null), w('still_applies', '=', true)]))
				.orderBy('id')
		)
		.executeTakeFirst();
	return Number(copied.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Copies the extracted pages of an evaluation's carried-over documents from their originals and
 * then gives each the original's status, while the copy is still claimed by this process. Pages
 * go a few per statement and outside a transaction: on PGlite each statement (with its tsvector
 * and GIN index) blocks the server's thread, so requests get a turn between them. A copy left
 * half-done (the process died) is extracted again by the queue, which replaces its pages.
 */
export async function finishCarriedDocuments(db: Database, evaluationId: number): Promise<void> {
	const waiting = await db
		.selectFrom('source_document as d')
		.innerJoin('source_document as o', 'o.id', 'd.carried_from_id')
		.select([
			'd.id',
			'o.id as originalId',
			'o.status',
			'o.status_message as statusMessage',
			'o.page_count as pageCount'
		])
		.where('d.evaluation_id', '=', evaluationId)
		.where('d.claimed_by', '=', carryClaimant)
		.where('d.status', '=', 'bearbetas')
		.orderBy('d.id')
		.execute();
	for (const doc of waiting) {
		const release = db
			.updateTable('source_document')
			.where('id', '=', doc.id)
			.where('claimed_by', '=', carryClaimant)
			.where('status', '=', 'bearbetas');
		// The original is still being extracted: the queue extracts the copy too.
		if (doc.status === 'bearbetas') {
			await release.set({ claimed_by: null, claimed_at: null }).execute();
			continue;
		}
		const pages = await db
			.selectFrom('document_page')
			.select('page_number')
			.where('document_id', '=', doc.originalId)
			.orderBy('page_number')
			.execute();
		for (let i = 0; i < pages.length; i += 4) {
			const batch = pages.slice(i, i + 4).map((p) => p.page_number);
			await db
				.insertInto('document_page')
				.columns(['document_id', 'page_number', 'section_title', 'text'])
				.expression((eb) =>
					eb
						.selectFrom('document_page')
						.select([sql.lit(doc.id).as('document_id'), 'page_number', 'section_title', 'text'])
						.where('document_id', '=', doc.originalId)
						.where('page_number', 'in', batch)
				)
				.execute();
		}
		await release
			.set({
				status: doc.status,
				status_message: doc.statusMessage,
				page_count: doc.pageCount,
				claimed_by: null,
				claimed_at: null
			})
			.execute();
	}
}

/** The municipality says whether a carried-over document still applies. */
export async function markCarriedDocument(
	db: Database,
	actor: Actor,
	evaluationId: number,
	documentId: number,
	stillApplies: boolean
) {
	await db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('source_document')
			.select(['still_applies'])
			.where('id', '=', documentId)
			.where('evaluation_id', '=', evaluationId)
			.where('carried_from_id', 'is not', null)
			.executeTakeFirst();
		if (!before) throw new DomainError('errors.notFound', '_form', 404);
		await trx
			.updateTable('source_document')
			.set({ still_applies: stillApplies, row_version: sql`row_version + 1` })
			.where('id', '=', documentId)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: 'source_document',
			entityId: documentId,
			evaluationId,
			action: 'mark-carried',
			before: { stillApplies: before.still_applies },
			after: { stillApplies }
		});
	});
}

/**
 * The signed-in user's next tasks in one evaluation with their planned dates (see
 * $lib/domain/tasks.ts), or none when the user has no part in it.
 */
export async function loadTasks(
	db: Database,
	evaluationId: number,
	userId: number,
	/** The user's part in the evaluation (policy.ts `partIn`); null gives no tasks. */
	role: Role | null,
	today: string
): Promise<{ tasks: Task[]; dates: PlannedDates }> {
	const e = await db
		.selectFrom('evaluation as e')
		.select((eb) => [
			'e.status',
			'e.answers_due as answersDue',
			'e.visit_start as visitStart',
			'e.visit_end as visitEnd',
			'e.fact_check_due as factCheckDue',
			'e.publication_planned as publicationPlanned',
			eb
				.exists(
					eb
						.selectFrom('written_answer')
						.select('id')
						.whereRef('evaluation_id', '=', 'e.id')
						.where('answer', '!=', '')
				)
				.as('answersSent'),
			eb
				.selectFrom('source_document')
				.select((s) => s.fn.countAll<string>().as('n'))
				.whereRef('evaluation_id', '=', 'e.id')
				.where('carried_from_id', 'is not', null)
				.where('still_applies', 'is', null)
				.as('unmarked'),
			eb
				.selectFrom('evaluation_member')
				.select('no_conflict_declared_at')
				.whereRef('evaluation_id', '=', 'e.id')
				.where('user_id', '=', userId)
				.as('declaredAt'),
			eb
				.selectFrom('score_sheet')
				.select('submitted_at')
				.whereRef('evaluation_id', '=', 'e.id')
				.where('user_id', '=', userId)
				.as('submittedAt')
		])
		.where('e.id', '=', evaluationId)
		.executeTakeFirstOrThrow();
	const dates: PlannedDates = {
		answersDue: e.answersDue,
		visitStart: e.visitStart,
		visitEnd: e.visitEnd,
		factCheckDue: e.factCheckDue,
		publicationPlanned: e.publicationPlanned
	};
	if (!role) return { tasks: [], dates };
	const tasks = tasksFor(
		{
			status: e.status,
			role,
			dates,
			done: {
				declaredNoConflict: Boolean(e.declaredAt),
				answersSent: Boolean(e.answersSent),
				unmarkedCarriedDocuments: Number(e.unmarked ?? 0),
				sheetSubmitted: Boolean(e.submittedAt)
			}
		},
		today
	);
	return { tasks, dates };
}

/** The carried-over documents of an evaluation and what the municipality said of each. */
export async function listCarriedDocuments(db: Database, evaluationId: number) {
	return db
		.selectFrom('source_document')
		.select(['id', 'title', 'still_applies as stillApplies'])
		.where('evaluation_id', '=', evaluationId)
		.where('carried_from_id', 'is not', null)
		.orderBy('id')
		.execute();
}
