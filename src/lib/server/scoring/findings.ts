/**
 * The findings' texts: an area's introduction (Allmänt), a subarea's narrative and the summary,
 * and the draft of everything the findings page edits. The lists of strengths, improvement
 * possibilities and recommendations are in finding-items.ts.
 */
import { sql } from 'kysely';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { ensureWithinLimit, saveVersioned, StaleWriteError } from '../db/versioned';
import { textLimits } from '$lib/domain/limits';
import { lockEvaluation } from '../evaluations/rows';

export interface FindingItem {
	id: number;
	areaId: string;
	text: string;
	goldStar?: boolean;
	/** The text's own language; null: the evaluation's. */
	lang: string | null;
	rowVersion: number;
}

export interface DraftFindings {
	generals: Record<string, { text: string; rowVersion: number }>;
	narratives: Record<string, { text: string; rowVersion: number }>;
	strengths: FindingItem[];
	improvements: FindingItem[];
	recommendations: { id: number; text: string; rowVersion: number }[];
	summary: { text: string; rowVersion: number };
}

export async function loadDraftFindings(
	db: Database,
	evaluationId: number
): Promise<DraftFindings> {
	const [generals, narratives, strengths, improvements, recommendations, evaluation] =
		await Promise.all([
			db
				.selectFrom('area_finding')
				.select(['area_id', 'general', 'row_version'])
				.where('evaluation_id', '=', evaluationId)
				.execute(),
			db
				.selectFrom('subarea_narrative')
				.select(['subarea_id', 'text', 'row_version'])
				.where('evaluation_id', '=', evaluationId)
				.execute(),
			db
				.selectFrom('strength')
				.select([
					'id',
					'area_id as areaId',
					'text',
					'gold_star as goldStar',
					'lang',
					'row_version as rowVersion'
				])
				.where('evaluation_id', '=', evaluationId)
				.orderBy('position')
				.orderBy('id')
				.execute(),
			db
				.selectFrom('improvement')
				.select(['id', 'area_id as areaId', 'text', 'lang', 'row_version as rowVersion'])
				.where('evaluation_id', '=', evaluationId)
				.orderBy('position')
				.orderBy('id')
				.execute(),
			db
				.selectFrom('recommendation')
				.select(['id', 'text', 'row_version as rowVersion'])
				.where('evaluation_id', '=', evaluationId)
				.orderBy('position')
				.orderBy('id')
				.execute(),
			db
				.selectFrom('evaluation')
				.select(['summary', 'row_version'])
				.where('id', '=', evaluationId)
				.executeTakeFirstOrThrow()
		]);
	return {
		generals: Object.fromEntries(
			generals.map((g) => [g.area_id, { text: g.general, rowVersion: g.row_version }])
		),
		narratives: Object.fromEntries(
			narratives.map((n) => [n.subarea_id, { text: n.text, rowVersion: n.row_version }])
		),
		strengths,
		improvements,
		recommendations,
		summary: { text: evaluation.summary, rowVersion: evaluation.row_version }
	};
}

export type TextTarget =
	| { kind: 'general'; areaId: string }
	| { kind: 'narrative'; subareaId: string }
	| { kind: 'summary' };

/** Saves the area introduction (Allmänt), a subarea narrative or the summary, versioned. */
export async function saveFindingText(
	db: Database,
	actor: Actor,
	evaluationId: number,
	target: TextTarget,
	text: string,
	expectedVersion: number
): Promise<number> {
	ensureWithinLimit(text, textLimits.findingText, 'text');
	return db.transaction().execute(async (trx) => {
		if (target.kind === 'summary') {
			const before = await lockEvaluation(trx, evaluationId)
				.select(['summary', 'row_version'])
				.executeTakeFirstOrThrow();
			if (before.row_version !== expectedVersion)
				throw new StaleWriteError({ text: before.summary, row_version: before.row_version });
			await trx
				.updateTable('evaluation')
				.set({ summary: text, row_version: sql`row_version + 1`, updated_at: new Date() })
				.where('id', '=', evaluationId)
				.execute();
			await recordAudit(trx, {
				actor,
				entity: 'evaluation.summary',
				entityId: evaluationId,
				evaluationId,
				action: 'update',
				before: before.summary,
				after: text
			});
			return expectedVersion + 1;
		}
		const [table, key, column] =
			target.kind === 'general'
				? ([
						'area_finding',
						{ evaluation_id: evaluationId, area_id: target.areaId },
						'general'
					] as const)
				: ([
						'subarea_narrative',
						{ evaluation_id: evaluationId, subarea_id: target.subareaId },
						'text'
					] as const);
		try {
			const { version, before } = await saveVersioned(
				trx,
				table,
				key,
				{ [column]: text },
				expectedVersion
			);
			await recordAudit(trx, {
				actor,
				entity: table,
				entityId: `${evaluationId}:${'areaId' in target ? target.areaId : target.subareaId}`,
				evaluationId,
				action: 'update',
				before: before?.[column],
				after: text
			});
			return version;
		} catch (e) {
			if (e instanceof StaleWriteError && e.current)
				throw new StaleWriteError({ text: e.current[column], row_version: e.current.row_version });
			throw e;
		}
	});
}
