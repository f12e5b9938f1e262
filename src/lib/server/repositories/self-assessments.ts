/**
 * Self-assessments (självskattning): the municipality's own blind sheets, agreed scores, sharing
 * with one of its evaluations, and the simple action list. Kept in its own tables: no query of
 * published results or averages can reach them. Who may see what is the policy's business
 * (`canOnSelfAssessment`); the list filters visible rows in SQL with `SelfAssessmentVisibility`.
 */
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Database } from '../db';
import { recordAudit, type Actor } from './audit';
import { ensureWithinLimit, saveVersioned } from './versioned';
import { DomainError } from '../errors';
import type { SelfAssessmentScope, selfAssessmentVisibility } from '../auth/policy';
import { blindStages } from '$lib/domain/lifecycle';
import { textLimits } from '$lib/domain/limits';
import { findSubarea, listSubareas, type Rubric } from '$lib/domain/rubric';
import { unscoredSubareas } from '$lib/domain/scoring';
import { svCollator } from '$lib/i18n';

/** The policy's facts about a self-assessment, and what every page shows of it. */
export type SelfAssessmentRow = SelfAssessmentScope & {
	rubricId: string;
	name: string;
	assessedOn: string;
	origin: 'workspace' | 'import';
};

/** The facts the policy needs about one self-assessment; undefined when there is none. */
export async function findSelfAssessmentScope(
	db: Database,
	id: number
): Promise<SelfAssessmentRow | undefined> {
	if (!Number.isSafeInteger(id) || id <= 0) return undefined;
	const row = await db
		.selectFrom('self_assessment as sa')
		.leftJoin('evaluation as e', 'e.id', 'sa.shared_evaluation_id')
		.select((eb) => [
			'sa.id',
			'sa.municipality_code',
			'sa.rubric_id',
			'sa.name',
			'sa.assessed_on',
			'sa.status',
			'sa.origin',
			'sa.shared_evaluation_id',
			'e.status as evaluation_status',
			jsonArrayFrom(
				eb
					.selectFrom('self_assessment_member as m')
					.select('m.user_id')
					.whereRef('m.self_assessment_id', '=', 'sa.id')
			).as('members'),
			jsonArrayFrom(
				eb
					.selectFrom('evaluation_member as em')
					.select('em.user_id')
					.whereRef('em.evaluation_id', '=', 'sa.shared_evaluation_id')
			).as('team'),
			jsonArrayFrom(
				eb
					.selectFrom('score_sheet as ss')
					.select('ss.user_id')
					.whereRef('ss.evaluation_id', '=', 'sa.shared_evaluation_id')
					.where('ss.submitted_at', 'is not', null)
			).as('submitted')
		])
		.where('sa.id', '=', id)
		.executeTakeFirst();
	if (!row) return undefined;
	return {
		id: row.id,
		municipalityCode: row.municipality_code,
		rubricId: row.rubric_id,
		name: row.name,
		assessedOn: row.assessed_on,
		status: row.status,
		origin: row.origin,
		memberUserIds: row.members.map((m) => m.user_id),
		sharedWith:
			row.shared_evaluation_id !== null && row.evaluation_status
				? {
						evaluationId: row.shared_evaluation_id,
						status: row.evaluation_status,
						teamUserIds: row.team.map((m) => m.user_id),
						submittedSheetUserIds: row.submitted.map((m) => m.user_id)
					}
				: null
	};
}

/** Parses a route's `[id]`; anything but a positive integer is "no such self-assessment". */
export function parseSelfAssessmentId(param: string): number {
	return /^[1-9][0-9]{0,9}$/.test(param) ? Number(param) : 0;
}

/**
 * Which of a municipality's self-assessments a reader's list holds, mirroring the policy's
 * `selfAssessment.read`: all (the municipality's own users), the shared ones (the coordinator),
 * or those shared with an evaluation whose team the evaluator is on, once their own sheet there
 * is handed in or the evaluation is past the blind stages.
 */
export type SelfAssessmentVisibility = NonNullable<ReturnType<typeof selfAssessmentVisibility>>;

export async function listSelfAssessments(
	db: Database,
	municipalityCode: string,
	visible: SelfAssessmentVisibility
) {
	return db
		.selectFrom('self_assessment as sa')
		.leftJoin('evaluation as e', 'e.id', 'sa.shared_evaluation_id')
		.select([
			'sa.id',
			'sa.name',
			'sa.assessed_on as assessedOn',
			'sa.status',
			'sa.rubric_id as rubricId',
			'sa.shared_evaluation_id as sharedEvaluationId',
			'e.year as sharedEvaluationYear'
		])
		.where('sa.municipality_code', '=', municipalityCode)
		.$if(visible.kind === 'shared', (q) => q.where('sa.shared_evaluation_id', 'is not', null))
		.$if(visible.kind === 'sharedWithEvaluator', (q) =>
			q.where(({ exists, selectFrom }) =>
				exists(
					selectFrom('evaluation_member as em')
						.select('em.user_id')
						.whereRef('em.evaluation_id', '=', 'sa.shared_evaluation_id')
						.where('em.user_id', '=', (visible as { userId: number }).userId)
						// Only after the evaluator's own sheet (or past the blind stages), as the policy says.
						.where((eb) =>
							eb.or([
								eb('e.status', 'not in', blindStages),
								eb.exists(
									eb
										.selectFrom('score_sheet as ss')
										.select('ss.id')
										.whereRef('ss.evaluation_id', '=', 'em.evaluation_id')
										.whereRef('ss.user_id', '=', 'em.user_id')
										.where('ss.submitted_at', 'is not', null)
								)
							])
						)
				)
			)
		)
		.orderBy('sa.assessed_on', 'desc')
		.orderBy('sa.id', 'desc')
		.execute();
}

/** The municipality's active users: who can be in a self-assessment group. */
export async function listMunicipalityUsers(db: Database, municipalityCode: string) {
	const rows = await db
		.selectFrom('app_user')
		.select(['id', 'name', 'email'])
		.where('role', '=', 'municipality')
		.where('municipality_code', '=', municipalityCode)
		.where('active', '=', true)
		.execute();
	return rows.sort((a, b) => svCollator.compare(a.name || a.email, b.name || b.email));
}

/** The group's names, in the order their sheets are shown. */
export async function listMembers(db: Database, id: number) {
	return db
		.selectFrom('self_assessment_member as m')
		.innerJoin('app_user as u', 'u.id', 'm.user_id')
		.select(['m.user_id as userId', 'u.name', 'u.email', 'm.submitted_at as submittedAt'])
		.where('m.self_assessment_id', '=', id)
		.orderBy('m.user_id')
		.execute();
}

export interface NewSelfAssessment {
	municipalityCode: string;
	rubricId: string;
	name: string;
	/** 'YYYY-MM-DD' */
	assessedOn: string;
	memberUserIds: number[];
}

/** Refuses any member who is not an active user of the municipality (a colleague elsewhere). */
async function checkMembers(db: Database, municipalityCode: string, userIds: number[]) {
	if (!userIds.length) throw new DomainError('sa.errors.membersRequired', 'members');
	const found = await db
		.selectFrom('app_user')
		.select('id')
		.where('id', 'in', userIds)
		.where('role', '=', 'municipality')
		.where('municipality_code', '=', municipalityCode)
		.where('active', '=', true)
		.execute();
	if (found.length !== new Set(userIds).size)
		throw new DomainError('sa.errors.memberNotOfMunicipality', 'members');
}

/** Starts a self-assessment with its group; returns its id. */
export async function createSelfAssessment(
	db: Database,
	actor: Actor & { id: number | null },
	rubric: Rubric,
	input: NewSelfAssessment
): Promise<number> {
	if (!listSubareas(rubric).length) throw new DomainError('sa.errors.rubricNoSubareas', 'rubricId');
	await checkMembers(db, input.municipalityCode, input.memberUserIds);
	return db.transaction().execute(async (trx) => {
		const { id } = await trx
			.insertInto('self_assessment')
			.values({
				municipality_code: input.municipalityCode,
				rubric_id: rubric.id,
				name: input.name.trim(),
				assessed_on: input.assessedOn,
				created_by: actor.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('self_assessment_member')
			.values(
				[...new Set(input.memberUserIds)].map((user_id) => ({ self_assessment_id: id, user_id }))
			)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: 'self_assessment',
			entityId: id,
			action: 'create',
			after: { name: input.name.trim(), assessedOn: input.assessedOn, rubricId: rubric.id }
		});
		return id;
	});
}

export interface SelfScore {
	subareaId: string;
	points: number | null;
	comment: string;
	rowVersion: number;
}

/** One member's own sheet: whether handed in, and the scores. */
export async function loadOwnSelfSheet(db: Database, id: number, userId: number) {
	const member = await db
		.selectFrom('self_assessment_member')
		.select('submitted_at as submittedAt')
		.where('self_assessment_id', '=', id)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	const scores = member
		? await db
				.selectFrom('self_assessment_score')
				.select(['subarea_id as subareaId', 'points', 'comment', 'row_version as rowVersion'])
				.where('self_assessment_id', '=', id)
				.where('user_id', '=', userId)
				.execute()
		: [];
	return {
		member: Boolean(member),
		submittedAt: member?.submittedAt ?? null,
		scores: Object.fromEntries(scores.map((s) => [s.subareaId, s])) as Record<string, SelfScore>
	};
}

function checkPoints(rubric: Rubric, subareaId: string, points: number | null) {
	const subarea = findSubarea(rubric, subareaId);
	if (!subarea) throw new DomainError('ws.errors.unknownSubarea', 'subareaId', 404);
	if (points !== null && (!Number.isInteger(points) || points < 0 || points > subarea.maxPoints))
		throw new DomainError('sa.errors.pointsRange', 'points', 400, { max: subarea.maxPoints });
}

/**
 * Saves one score of one's own blind sheet (version-checked). The audit row names the subarea
 * but keeps the points and comment out: the programme's audit log must not show the
 * municipality's private scores.
 */
export async function saveSelfScore(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number,
	input: { subareaId: string; points: number | null; comment: string; expectedVersion: number }
): Promise<number> {
	checkPoints(rubric, input.subareaId, input.points);
	ensureWithinLimit(input.comment, textLimits.justification, 'justification');
	const sheet = await loadOwnSelfSheet(db, id, actor.id);
	if (!sheet.member) throw new DomainError('sa.errors.notMember', '_form', 403);
	if (sheet.submittedAt) throw new DomainError('ws.errors.sheetSubmitted', '_form', 409);
	return db.transaction().execute(async (trx) => {
		const { version } = await saveVersioned(
			trx,
			'self_assessment_score',
			{ self_assessment_id: id, user_id: actor.id, subarea_id: input.subareaId },
			{ points: input.points, comment: input.comment, updated_at: new Date() },
			input.expectedVersion
		);
		await recordAudit(trx, {
			actor,
			entity: 'self_assessment_score',
			entityId: `${id}:${input.subareaId}`,
			action: 'update'
		});
		return version;
	});
}

/**
 * Hands in one's sheet (every subarea scored). When the last member hands in, the group moves on
 * to agreeing: the sheets become visible to each other.
 */
export async function submitSelfSheet(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number
): Promise<void> {
	const sheet = await loadOwnSelfSheet(db, id, actor.id);
	if (!sheet.member) throw new DomainError('sa.errors.notMember', '_form', 403);
	if (unscoredSubareas(rubric, sheet.scores).length)
		throw new DomainError('ws.errors.sheetIncomplete', '_form');
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('self_assessment_member')
			.set({ submitted_at: new Date() })
			.where('self_assessment_id', '=', id)
			.where('user_id', '=', actor.id)
			.where('submitted_at', 'is', null)
			.execute();
		// Lock the row so two last hand-ins at once both see each other's.
		await trx.selectFrom('self_assessment').select('id').where('id', '=', id).forUpdate().execute();
		const open = await trx
			.selectFrom('self_assessment_member')
			.select('user_id')
			.where('self_assessment_id', '=', id)
			.where('submitted_at', 'is', null)
			.execute();
		if (!open.length)
			await trx
				.updateTable('self_assessment')
				.set({ status: 'samsyn' })
				.where('id', '=', id)
				.where('status', '=', 'poangsattning')
				.execute();
		await recordAudit(trx, {
			actor,
			entity: 'self_assessment',
			entityId: id,
			action: 'submit'
		});
	});
}

/**
 * The group's sheets a reader may see: every one once all are handed in (`selfAssessment.compare`),
 * otherwise the reader's own at most. Filtered in SQL, as the evaluators' sheets are.
 */
export async function listSelfSheets(
	db: Database,
	id: number,
	visible: { all: true } | { all: false; ownerId: number | null }
) {
	const onlyOwner = visible.all ? undefined : (visible.ownerId ?? -1);
	const members = (await listMembers(db, id)).filter(
		(m) => onlyOwner === undefined || m.userId === onlyOwner
	);
	const scores = members.length
		? await db
				.selectFrom('self_assessment_score')
				.select(['user_id', 'subarea_id', 'points', 'comment'])
				.where('self_assessment_id', '=', id)
				.where(
					'user_id',
					'in',
					members.map((m) => m.userId)
				)
				.execute()
		: [];
	return members.map((m) => ({
		...m,
		scores: Object.fromEntries(
			scores
				.filter((s) => s.user_id === m.userId)
				.map((s) => [s.subarea_id, { points: s.points, comment: s.comment }])
		) as Record<string, { points: number | null; comment: string }>
	}));
}

export interface SelfAgreed {
	subareaId: string;
	points: number;
	comment: string;
	rowVersion: number;
}

export async function listSelfAgreed(
	db: Database,
	id: number
): Promise<Record<string, SelfAgreed>> {
	const rows = await db
		.selectFrom('self_assessment_agreed')
		.select(['subarea_id as subareaId', 'points', 'comment', 'row_version as rowVersion'])
		.where('self_assessment_id', '=', id)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.subareaId, r]));
}

/** Records the group's agreed score (version-checked). */
export async function saveSelfAgreed(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number,
	input: { subareaId: string; points: number | null; comment: string; expectedVersion: number }
): Promise<number> {
	if (input.points === null) throw new DomainError('sa.errors.pointsRequired', 'points');
	checkPoints(rubric, input.subareaId, input.points);
	ensureWithinLimit(input.comment, textLimits.justification, 'justification');
	const points = input.points;
	return db.transaction().execute(async (trx) => {
		const { version, before } = await saveVersioned(
			trx,
			'self_assessment_agreed',
			{ self_assessment_id: id, subarea_id: input.subareaId },
			{ points, comment: input.comment.trim(), updated_by: actor.id, updated_at: new Date() },
			input.expectedVersion
		);
		await recordAudit(trx, {
			actor,
			entity: 'self_assessment_agreed',
			entityId: `${id}:${input.subareaId}`,
			action: before ? 'update' : 'create'
		});
		return version;
	});
}

/** Marks the self-assessment done: every subarea needs an agreed score. */
export async function finishSelfAssessment(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number
): Promise<void> {
	const agreed = await listSelfAgreed(db, id);
	const missing = unscoredSubareas(rubric, agreed);
	if (missing.length)
		throw new DomainError('sa.errors.notAllAgreed', '_form', 400, { n: missing.length });
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('self_assessment')
			.set({ status: 'klar' })
			.where('id', '=', id)
			.where('status', '=', 'samsyn')
			.execute();
		await recordAudit(trx, { actor, entity: 'self_assessment', entityId: id, action: 'finish' });
	});
}

/** The municipality's evaluations it may share a self-assessment with (newest first). */
export async function listShareableEvaluations(db: Database, municipalityCode: string) {
	return db
		.selectFrom('evaluation')
		.select(['id', 'year', 'status'])
		.where('municipality_code', '=', municipalityCode)
		.where('origin', '=', 'workspace')
		.orderBy('year', 'desc')
		.execute();
}

/**
 * Shares the self-assessment with one of the municipality's own evaluations (null withdraws it).
 * An evaluation of another municipality is refused: its team has no business with this one.
 */
export async function shareSelfAssessment(
	db: Database,
	actor: Actor & { id: number },
	id: number,
	evaluationId: number | null
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const assessment = await trx
			.selectFrom('self_assessment')
			.select(['municipality_code', 'shared_evaluation_id'])
			.where('id', '=', id)
			.forUpdate()
			.executeTakeFirst();
		if (!assessment) throw new DomainError('errors.notFound', '_form', 404);
		if (evaluationId !== null) {
			const evaluation = await trx
				.selectFrom('evaluation')
				.select('municipality_code')
				.where('id', '=', evaluationId)
				.executeTakeFirst();
			if (!evaluation || evaluation.municipality_code !== assessment.municipality_code)
				throw new DomainError('sa.errors.shareOtherMunicipality', 'evaluationId');
		}
		await trx
			.updateTable('self_assessment')
			.set({ shared_evaluation_id: evaluationId })
			.where('id', '=', id)
			.execute();
		await recordAudit(trx, {
			actor,
			entity: 'self_assessment',
			entityId: id,
			action: evaluationId === null ? 'unshare' : 'share',
			before: { sharedEvaluationId: assessment.shared_evaluation_id },
			after: { sharedEvaluationId: evaluationId }
		});
	});
}

/** The simple action list of a self-assessment (when there is no evaluation's plan to use). */
export async function listSelfActions(db: Database, id: number) {
	return db
		.selectFrom('self_assessment_action')
		.select([
			'id',
			'subarea_id as subareaId',
			'title',
			'description',
			'owner_role as ownerRole',
			'created_at as createdAt'
		])
		.where('self_assessment_id', '=', id)
		.orderBy('id')
		.execute();
}

/** Adds an improvement action for a subarea to the self-assessment's own list. */
export async function createSelfAction(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	id: number,
	input: { subareaId: string; title: string; description: string; ownerRole: string }
): Promise<number> {
	if (!findSubarea(rubric, input.subareaId))
		throw new DomainError('ws.errors.unknownSubarea', 'subareaId', 404);
	if (!input.title.trim()) throw new DomainError('errors.required', 'title');
	ensureWithinLimit(input.title, textLimits.findingItem, 'title');
	ensureWithinLimit(input.description, textLimits.comment, 'description');
	ensureWithinLimit(input.ownerRole, 200, 'ownerRole');
	return db.transaction().execute(async (trx) => {
		const { id: actionId } = await trx
			.insertInto('self_assessment_action')
			.values({
				self_assessment_id: id,
				subarea_id: input.subareaId,
				title: input.title.trim(),
				description: input.description.trim(),
				owner_role: input.ownerRole.trim(),
				created_by: actor.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, {
			actor,
			entity: 'self_assessment_action',
			entityId: actionId,
			action: 'create'
		});
		return actionId;
	});
}

/** The self-assessments shared with one evaluation (their facts; the caller asks the policy). */
export async function listSharedWithEvaluation(
	db: Database,
	evaluationId: number
): Promise<SelfAssessmentRow[]> {
	const ids = await db
		.selectFrom('self_assessment')
		.select('id')
		.where('shared_evaluation_id', '=', evaluationId)
		.orderBy('assessed_on', 'desc')
		.execute();
	const rows = await Promise.all(ids.map((r) => findSelfAssessmentScope(db, r.id)));
	return rows.filter((r): r is SelfAssessmentRow => r !== undefined);
}
