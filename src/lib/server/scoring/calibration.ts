/**
 * Calibration's one-go agreement: every subarea where the handed-in sheets give the same points
 * is agreed with the sheets' justifications, in one transaction with an audit row per score.
 */
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { saveVersioned } from '../db/versioned';
import { listSheets } from '../scoring/scores';
import { equalAgreements, type EqualAgreements } from '$lib/domain/calibration';
import { listSubareas, type Rubric } from '$lib/domain/rubric';
import { DomainError } from '../errors';

/**
 * Agrees every not yet agreed subarea where all sheets (all handed in) give the same points and
 * at least one carries a justification. A score agreed before is never touched (it is not a
 * candidate); one agreed by someone else between the read and the insert makes the whole action
 * stale (saveVersioned's 409), and nothing of it is written.
 */
export async function agreeEqualScores(
	db: Database,
	actor: Actor & { id: number },
	rubric: Rubric,
	evaluationId: number
): Promise<EqualAgreements> {
	const sheets = await listSheets(db, evaluationId, { all: true });
	if (sheets.length < 2 || sheets.some((s) => !s.submittedAt))
		throw new DomainError('ws.calibration.errors.notSubmitted');
	return db.transaction().execute(async (trx) => {
		const agreedIds = new Set(
			(
				await trx
					.selectFrom('agreed_score')
					.select('subarea_id')
					.where('evaluation_id', '=', evaluationId)
					.execute()
			).map((r) => r.subarea_id)
		);
		const plan = equalAgreements(
			listSubareas(rubric).map((s) => ({
				subareaId: s.id,
				agreed: agreedIds.has(s.id),
				sheets: sheets.map((sheet) => ({
					name: sheet.name || sheet.email,
					points: sheet.scores[s.id]?.points,
					justification: sheet.scores[s.id]?.justification
				}))
			}))
		);
		for (const score of plan.agree) {
			await saveVersioned(
				trx,
				'agreed_score',
				{ evaluation_id: evaluationId, subarea_id: score.subareaId },
				{
					points: score.points,
					justification: score.justification,
					updated_by: actor.id,
					updated_at: new Date()
				},
				0
			);
			await recordAudit(trx, {
				actor,
				entity: 'agreed_score',
				entityId: `${evaluationId}:${score.subareaId}`,
				evaluationId,
				action: 'create',
				after: { points: score.points, justification: score.justification }
			});
		}
		return plan;
	});
}
