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
	/** Entries of the evaluations of one municipality, or of one year, or both. */
	municipalityCode?: string;
	year?: number;
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
	/** The acting user's name now (null for 'system', 'cli' or a user without a name). */
	actorName: string | null;
	entity: string;
	entityId: string;
	evaluationId: number | null;
	/** "Karlskoga 2022" for entries about an evaluation. */
	evaluationLabel: string | null;
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
		.selectFrom('audit_log as a')
		.leftJoin('evaluation as e', 'e.id', 'a.evaluation_id')
		.leftJoin('municipality as m', 'm.code', 'e.municipality_code')
		// People are shown by name; the e-mail recorded in the row stays for the admin log.
		.leftJoin('app_user as u', 'u.id', 'a.actor_id')
		.select([
			'a.id',
			'a.at',
			'a.actor_label as actorLabel',
			'u.name as actorName',
			'a.entity',
			'a.entity_id as entityId',
			'a.evaluation_id as evaluationId',
			'm.name as municipalityName',
			'e.year',
			'a.action',
			'a.before',
			'a.after',
			'a.reason'
		])
		.where((eb) =>
			eb.not(
				eb.and([
					eb('a.entity', 'in', blindSheetEntities),
					eb('a.actor_id', 'is distinct from', filter.viewerId),
					eb('e.status', 'in', blindStages)
				])
			)
		)
		// A municipality's self-assessment is its own: the programme's log shows only the reader's
		// own entries of it (the rows are recorded as always).
		.where((eb) =>
			eb.not(
				eb.and([
					eb('a.entity', 'like', 'self\\_assessment%'),
					eb('a.actor_id', 'is distinct from', filter.viewerId)
				])
			)
		)
		.orderBy('a.id', 'desc')
		.limit(filter.limit ?? 50);
	if (filter.evaluationId) query = query.where('a.evaluation_id', '=', filter.evaluationId);
	if (filter.municipalityCode)
		query = query.where('e.municipality_code', '=', filter.municipalityCode);
	if (filter.year) query = query.where('e.year', '=', filter.year);
	if (filter.actorId) query = query.where('a.actor_id', '=', filter.actorId);
	if (filter.from) query = query.where('a.at', '>=', new Date(`${filter.from}T00:00:00Z`));
	if (filter.to)
		query = query.where(
			'a.at',
			'<',
			new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)
		);
	if (filter.beforeId) query = query.where('a.id', '<', filter.beforeId);
	const rows = await query.execute();
	return rows.map(({ municipalityName, year, ...row }) => ({
		...row,
		evaluationLabel: municipalityName && year ? `${municipalityName} ${year}` : null
	})) as AuditEntryView[];
}
