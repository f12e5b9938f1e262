import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/tables/foundation';

export interface EvaluationMemberTable {
	evaluation_id: number;
	user_id: number;
	no_conflict_declared_at: Date | null;
	added_at: Timestamp;
}

/** What one deletion removed, kept so that it can be undone (see repositories/deleted-items.ts). */
export interface DeletedItemTable {
	id: Generated<number>;
	evaluation_id: number;
	entity: string;
	entity_id: string;
	/** Table name → the removed rows of that table, parents first. */
	rows: ColumnType<Record<string, Record<string, unknown>[]>, string, never>;
	deleted_by: number | null;
	deleted_at: Timestamp;
	restored_at: Date | null;
}

/** Columns the workspace adds to `evaluation` (merged into EvaluationTable through DB). */
export interface WorkspaceTables {
	evaluation_member: EvaluationMemberTable;
	deleted_item: DeletedItemTable;
}
