/**
 * Self-assessments (självskattning): the municipality's own assessment, its group and its sharing
 * with one of its evaluations. The blind sheets and agreed scores are in
 * self-assessment-sheets.ts, the simple action list in self-assessment-actions.ts. Kept in its
 * own tables: no query of published results or averages can reach them. Who may see what is the
 * policy's business (`canOnSelfAssessment`); the list filters visible rows in SQL with
 * `SelfAssessmentVisibility`.
 */
import { pathId } from '$lib/schemas/id';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { notifySelfAssessmentShare } from '../mail/notifications';
import { appOrigin } from '../mail/config';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { DomainError } from '../errors';
import type { SelfAssessmentScope, selfAssessmentVisibility } from '../auth/policy';
import { blindStages } from '$lib/domain/lifecycle';
import { listSubareas, type Rubric } from '$lib/domain/rubric';
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
	return pathId(param);
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
	evaluationId: number | null,
	origin = appOrigin()
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const assessment = await trx
			.selectFrom('self_assessment')
			.select(['municipality_code', 'shared_evaluation_id', 'name'])
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
		// A new share tells the evaluation's team, with the share.
		if (evaluationId !== null && evaluationId !== assessment.shared_evaluation_id)
			await notifySelfAssessmentShare(trx, { evaluationId, name: assessment.name, origin });
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
