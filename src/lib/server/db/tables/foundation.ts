import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { EvaluationStatus } from '$lib/domain/lifecycle';

/** timestamptz: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MunicipalityTable {
	code: string;
	name: string;
	county_code: string;
	county: string;
}

export interface RubricTable {
	id: string;
	title: string;
	year: number;
	definition: JSONColumnType<object>;
	content_hash: string;
	created_at: Timestamp;
}

export interface EvaluationTable {
	id: Generated<number>;
	municipality_code: string;
	year: number;
	rubric_id: string;
	status: ColumnType<EvaluationStatus, EvaluationStatus | undefined, EvaluationStatus>;
	origin: ColumnType<'workspace' | 'import', 'workspace' | 'import' | undefined, never>;
	previous_evaluation_id: number | null;
	/** 'YYYY-MM', the month the evaluation was done. */
	evaluated_at: string | null;
	/** 'YYYY-MM-DD' */
	visit_start: string | null;
	visit_end: string | null;
	summary: Generated<string>;
	source: string | null;
	row_version: Generated<number>;
	created_at: Timestamp;
	updated_at: Timestamp;
	/** Added by the workspace migration. */
	contact_user_id: number | null;
	action_plan_public: Generated<boolean>;
	/** Why it was last reopened: the erratum published next carries it. Null if never reopened. */
	reopen_reason: string | null;
	/** Planned dates, 'YYYY-MM-DD': the municipality's answers, the fact check, publication. */
	answers_due: string | null;
	fact_check_due: string | null;
	publication_planned: string | null;
	/** The publisher a report not done in this toolkit is credited to ("Sveriges Kommuner och Regioner, 2022"); null: its team. */
	credited_author: string | null;
	/** BCP 47 language of the evaluators' texts ('sv' unless they wrote in another). */
	text_language: Generated<string>;
}

export interface PublishedResultTable {
	id: Generated<number>;
	evaluation_id: number;
	version: number;
	is_current: boolean;
	municipality_code: string;
	year: number;
	rubric_id: string;
	total: number | null;
	has_subarea_scores: boolean;
	has_area_scores: boolean;
	/** The published content: see $lib/domain/evaluation-content.ts. */
	content: JSONColumnType<object>;
	errata_reason: string | null;
	published_at: Timestamp;
}

export interface PublishedSubareaScoreTable {
	published_result_id: number;
	subarea_id: string;
	points: number;
}

export interface PublishedAreaScoreTable {
	published_result_id: number;
	area_id: string;
	points: number;
}

export interface ReferenceAverageTable {
	id: Generated<number>;
	name: string;
	rubric_id: string;
	as_of: string;
	source: Generated<string>;
	area_scores: JSONColumnType<Record<string, number>>;
	created_at: Timestamp;
}

/**
 * One row: a number bumped by a trigger whenever anything the public pages show changes
 * (migrations/20261205000100_public_data_version.ts). Read, never written, by the app.
 */
export interface PublicDataVersionTable {
	id: ColumnType<boolean, never, never>;
	version: number;
}

export interface FoundationTables {
	municipality: MunicipalityTable;
	rubric: RubricTable;
	evaluation: EvaluationTable;
	published_result: PublishedResultTable;
	published_subarea_score: PublishedSubareaScoreTable;
	published_area_score: PublishedAreaScoreTable;
	reference_average: ReferenceAverageTable;
	public_data_version: PublicDataVersionTable;
}
