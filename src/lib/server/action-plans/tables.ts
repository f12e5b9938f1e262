import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/tables/foundation';

export type ActionStatus = 'planerad' | 'pagar' | 'genomford' | 'avbruten';
export type FollowUpJudgement = 'atgardad' | 'delvis' | 'kvarstar';

export interface ActionItemTable {
	id: Generated<number>;
	evaluation_id: number;
	title: string;
	description: Generated<string>;
	/** A role ("Kommundirektör"), not a person's name. */
	owner_role: string;
	start_date: string | null;
	target_date: string | null;
	status: ColumnType<ActionStatus, ActionStatus | undefined, ActionStatus>;
	created_by: number | null;
	created_at: Timestamp;
	row_version: Generated<number>;
	/** The subarea of a self-assessment's gap the action was taken from (null: written in the plan). */
	subarea_id: string | null;
	/** The self-assessment the action was taken from (null: written in the plan). */
	self_assessment_id: number | null;
}

export interface ActionItemLinkTable {
	action_item_id: number;
	improvement_id: number | null;
	recommendation_id: number | null;
}

export interface ActionProgressNoteTable {
	id: Generated<number>;
	action_item_id: number;
	noted_on: string;
	text: string;
	created_by: number | null;
}

export interface ImprovementFollowUpTable {
	evaluation_id: number;
	improvement_id: number;
	judgement: FollowUpJudgement;
	comment: Generated<string>;
	row_version: Generated<number>;
}

export interface ActionPlansTables {
	action_item: ActionItemTable;
	action_item_link: ActionItemLinkTable;
	action_progress_note: ActionProgressNoteTable;
	improvement_follow_up: ImprovementFollowUpTable;
}
