/**
 * Writes a checked sheet file (domain/sheet-file.ts) into the importer's own blind sheet: all or
 * nothing, in one transaction, each changed value audited as a typed save is (entity
 * sheet_score, before and after), unchanged rows left alone so their versions stay.
 */
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { saveVersioned } from '../db/versioned';
import { DomainError } from '../errors';
import { sheetVersion, type SheetValue } from '$lib/domain/sheet-file';

export type SheetImportResult =
	| { ok: true; written: number }
	/** The sheet was saved since the file was made and the user has not confirmed overwriting. */
	| { ok: false; changedSince: true };

export async function importOwnSheetValues(
	db: Database,
	actor: Actor & { id: number },
	evaluationId: number,
	input: { fileVersion: number; confirmed: boolean; values: SheetValue[] }
): Promise<SheetImportResult> {
	return db.transaction().execute(async (trx) => {
		await trx
			.insertInto('score_sheet')
			.values({ evaluation_id: evaluationId, user_id: actor.id })
			.onConflict((oc) => oc.columns(['evaluation_id', 'user_id']).doNothing())
			.execute();
		// Locked, so a save or hand-in cannot slip in between the version check and the writes.
		const sheet = await trx
			.selectFrom('score_sheet')
			.select(['id', 'submitted_at as submittedAt'])
			.where('evaluation_id', '=', evaluationId)
			.where('user_id', '=', actor.id)
			.forUpdate()
			.executeTakeFirstOrThrow();
		if (sheet.submittedAt) throw new DomainError('ws.errors.sheetSubmitted', '_form', 409);
		const rows = await trx
			.selectFrom('sheet_score')
			.select(['subarea_id as subareaId', 'points', 'justification', 'row_version as rowVersion'])
			.where('sheet_id', '=', sheet.id)
			.execute();
		const current = new Map(rows.map((r) => [r.subareaId, r]));
		if (!input.confirmed && sheetVersion(Object.fromEntries(current)) !== input.fileVersion)
			return { ok: false, changedSince: true } as const;
		let written = 0;
		for (const v of input.values) {
			const now = current.get(v.subareaId);
			const same =
				(now?.points ?? null) === v.points && (now?.justification ?? '') === v.justification;
			if (same) continue;
			const after = { points: v.points, justification: v.justification };
			const { before } = await saveVersioned(
				trx,
				'sheet_score',
				{ sheet_id: sheet.id, subarea_id: v.subareaId },
				{ ...after, updated_at: new Date() },
				now?.rowVersion ?? 0
			);
			await recordAudit(trx, {
				actor,
				entity: 'sheet_score',
				entityId: `${sheet.id}:${v.subareaId}`,
				evaluationId,
				action: 'update',
				before: before ? { points: before.points, justification: before.justification } : undefined,
				after
			});
			written++;
		}
		return { ok: true, written } as const;
	});
}
