import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/tables/foundation';
import type { SelfAssessmentStatus } from '$lib/domain/self-assessment';

export interface SelfAssessmentTable {
	id: Generated<number>;
	municipality_code: string;
	rubric_id: string;
	name: string;
	/** A date column, read as 'YYYY-MM-DD'. */
	assessed_on: string;
	status: ColumnType<SelfAssessmentStatus, SelfAssessmentStatus | undefined, SelfAssessmentStatus>;
	origin: ColumnType<'workspace' | 'import', 'workspace' | 'import' | undefined, never>;
	shared_evaluation_id: number | null;
	created_by: number | null;
	created_at: Timestamp;
}

export interface SelfAssessmentMemberTable {
	self_assessment_id: number;
	user_id: number;
	submitted_at: Date | null;
}

export interface SelfAssessmentScoreTable {
	self_assessment_id: number;
	user_id: number;
	subarea_id: string;
	points: number | null;
	comment: Generated<string>;
	row_version: Generated<number>;
	updated_at: Timestamp;
}

export interface SelfAssessmentAgreedTable {
	self_assessment_id: number;
	subarea_id: string;
	points: number;
	comment: Generated<string>;
	row_version: Generated<number>;
	updated_by: number | null;
	updated_at: Timestamp;
}

export interface SelfAssessmentActionTable {
	id: Generated<number>;
	self_assessment_id: number;
	subarea_id: string;
	title: string;
	description: Generated<string>;
	/** A role ("Kommundirektör"), not a person's name, as in the action plan. */
	owner_role: Generated<string>;
	created_by: number | null;
	created_at: Timestamp;
}

export interface SelfAssessmentTables {
	self_assessment: SelfAssessmentTable;
	self_assessment_member: SelfAssessmentMemberTable;
	self_assessment_score: SelfAssessmentScoreTable;
	self_assessment_agreed: SelfAssessmentAgreedTable;
	self_assessment_action: SelfAssessmentActionTable;
}
