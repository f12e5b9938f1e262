/**
 * Imports an answered questions sheet into "Kommunens svar": all or nothing, in one transaction.
 * An answer whose cell was not changed in the file is kept as saved; a changed cell is written,
 * audited as a typed save, unless the answer was also saved in the toolkit since the file was
 * made: then it is a conflict, listed, and nothing is written.
 */
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { saveVersioned } from '../db/versioned';
import type { AnswerTarget } from '$lib/domain/sources';

export interface AnswerImportRow {
	row: number;
	targetId: string;
	target: AnswerTarget;
	answer: string;
	version: number;
	original: string;
}

export type AnswerImportResult =
	{ ok: true; written: number } | { ok: false; conflicts: { row: number; targetId: string }[] };

export async function importWrittenAnswers(
	db: Database,
	actor: Actor,
	evaluationId: number,
	rows: AnswerImportRow[]
): Promise<AnswerImportResult> {
	return db.transaction().execute(async (trx) => {
		const saved = await trx
			.selectFrom('written_answer')
			.select(['subarea_id', 'question_id', 'answer', 'row_version'])
			.where('evaluation_id', '=', evaluationId)
			.forUpdate()
			.execute();
		const current = new Map(saved.map((r) => [`${r.subarea_id}:${r.question_id}`, r]));
		const keyOf = (t: AnswerTarget) => `${t.subareaId}:${t.questionId ?? ''}`;
		const changed = rows.filter((r) => r.answer !== r.original);
		const conflicts = changed.filter((r) => {
			const now = current.get(keyOf(r.target));
			return (now?.row_version ?? 0) !== r.version && (now?.answer ?? '') !== r.answer;
		});
		if (conflicts.length)
			return { ok: false, conflicts: conflicts.map((c) => ({ row: c.row, targetId: c.targetId })) };
		let written = 0;
		for (const r of changed) {
			const now = current.get(keyOf(r.target));
			if ((now?.answer ?? '') === r.answer) continue;
			const { before } = await saveVersioned(
				trx,
				'written_answer',
				{
					evaluation_id: evaluationId,
					subarea_id: r.target.subareaId,
					question_id: r.target.questionId ?? ''
				},
				{ answer: r.answer, updated_by: actor.id, updated_at: new Date() },
				now?.row_version ?? 0
			);
			await recordAudit(trx, {
				actor,
				entity: 'written_answer',
				entityId: `${evaluationId}:${r.target.questionId ?? r.target.subareaId}`,
				evaluationId,
				action: before ? 'update' : 'create',
				before: before?.answer,
				after: r.answer
			});
			written++;
		}
		return { ok: true, written };
	});
}
