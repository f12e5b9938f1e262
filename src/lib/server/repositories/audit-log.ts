import type { Database } from '../db';
import { blindStages } from '$lib/domain/lifecycle';

/** Audit entities that belong to one evaluator's blind score sheet. */
export const blindSheetEntities = ['score_sheet', 'sheet_score'] as const;

export interface AuditFilter {
	/**
	 * Who reads the log. Entries of a blind sheet (see `blindStages`) are shown to their author
	 * only, until the evaluation reaches calibration; they are recorded as always.
	 */
	viewerId: number;
	evaluationId?: number;
	actorId?: number;
	/** 'YYYY-MM-DD', inclusive */
	from?: string;
	/** 'YYYY-MM-DD', inclusive */
	to?: string;
	/** Keyset pagination: entries older than this id. */
	beforeId?: number;
	limit?: number;
}

export interface AuditEntryView {
	id: number;
	at: Date;
	actorLabel: string;
	entity: string;
	entityId: string;
	evaluationId: number | null;
	action: string;
	before: unknown;
	after: unknown;
	reason: string | null;
}

/** Audit entries, newest first, with keyset pagination (stable while new rows arrive). */
export async function listAuditEntries(
	db: Database,
	filter: AuditFilter
): Promise<AuditEntryView[]> {
	let query = db
		.selectFrom('audit_log')
		.select([
			'id',
			'at',
			'actor_label as actorLabel',
			'entity',
			'entity_id as entityId',
			'evaluation_id as evaluationId',
			'action',
			'before',
			'after',
			'reason'
		])
		.where((eb) =>
			eb.not(
				eb.and([
					eb('entity', 'in', blindSheetEntities),
					eb('actor_id', 'is distinct from', filter.viewerId),
					eb(
						'evaluation_id',
						'in',
						eb.selectFrom('evaluation').select('id').where('status', 'in', blindStages)
					)
				])
			)
		)
		.orderBy('id', 'desc')
		.limit(filter.limit ?? 50);
	if (filter.evaluationId) query = query.where('evaluation_id', '=', filter.evaluationId);
	if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
	if (filter.from) query = query.where('at', '>=', new Date(`${filter.from}T00:00:00Z`));
	if (filter.to)
		query = query.where(
			'at',
			'<',
			new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)
		);
	if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
	return (await query.execute()) as AuditEntryView[];
}
