import type { Timestamp } from './foundation';

export interface EvaluationMemberTable {
	evaluation_id: number;
	user_id: number;
	no_conflict_declared_at: Date | null;
	added_at: Timestamp;
}

/** Columns the workspace adds to `evaluation` (merged into EvaluationTable through DB). */
export interface WorkspaceTables {
	evaluation_member: EvaluationMemberTable;
}
