import type { Generated } from 'kysely';
import type { Timestamp } from '../db/tables/foundation';
import type { FactCheckStatus, FactCheckTargetKind } from '$lib/domain/fact-check';

export interface ScoreSheetTable {
	id: Generated<number>;
	evaluation_id: number;
	user_id: number;
	submitted_at: Date | null;
}

export interface SheetScoreTable {
	sheet_id: number;
	subarea_id: string;
	points: number | null;
	justification: Generated<string>;
	row_version: Generated<number>;
	updated_at: Timestamp;
}

export interface AgreedScoreTable {
	evaluation_id: number;
	subarea_id: string;
	points: number;
	justification: string;
	row_version: Generated<number>;
	updated_by: number | null;
	updated_at: Timestamp;
}

export interface AreaFindingTable {
	evaluation_id: number;
	area_id: string;
	general: Generated<string>;
	row_version: Generated<number>;
}

export interface SubareaNarrativeTable {
	evaluation_id: number;
	subarea_id: string;
	text: Generated<string>;
	row_version: Generated<number>;
}

export interface StrengthTable {
	id: Generated<number>;
	evaluation_id: number;
	area_id: string;
	text: string;
	gold_star: Generated<boolean>;
	position: Generated<number>;
	/** The text's own language (BCP 47); null: the evaluation's `text_language`. */
	lang: string | null;
	row_version: Generated<number>;
}

export interface ImprovementTable {
	id: Generated<number>;
	evaluation_id: number;
	area_id: string;
	text: string;
	position: Generated<number>;
	/** The text's own language (BCP 47); null: the evaluation's `text_language`. */
	lang: string | null;
	row_version: Generated<number>;
}

export interface RecommendationTable {
	id: Generated<number>;
	evaluation_id: number;
	text: string;
	position: Generated<number>;
	row_version: Generated<number>;
}

export interface FactCheckCommentTable {
	id: Generated<number>;
	evaluation_id: number;
	area_id: string;
	author_id: number;
	body: string;
	created_at: Timestamp;
	answer: string | null;
	answered_by: number | null;
	answered_at: Date | null;
	/** oppen → besvarad → stangd (see $lib/domain/fact-check). */
	status: Generated<FactCheckStatus>;
	target_kind: Generated<FactCheckTargetKind>;
	/** The strength's or improvement's id when target_kind is one of those. */
	finding_id: number | null;
	/** The subarea whose narrative is commented on (target_kind 'narrative'). */
	subarea_id: string | null;
	/** The finding's text when it was commented on. */
	quote: string | null;
	closed_by: number | null;
	closed_at: Date | null;
}

export interface ScoringTables {
	score_sheet: ScoreSheetTable;
	sheet_score: SheetScoreTable;
	agreed_score: AgreedScoreTable;
	area_finding: AreaFindingTable;
	subarea_narrative: SubareaNarrativeTable;
	strength: StrengthTable;
	improvement: ImprovementTable;
	recommendation: RecommendationTable;
	fact_check_comment: FactCheckCommentTable;
}
