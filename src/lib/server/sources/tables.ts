import type { Generated } from 'kysely';
import type { Timestamp } from '../db/tables/foundation';
import type { InterviewTable } from './interviews';

export interface WebObservationTable {
	id: Generated<number>;
	evaluation_id: number;
	url: string;
	seen_on: string;
	note: Generated<string>;
	row_version: Generated<number>;
}

/** The municipality's answer to one subarea or one rubric question, written before the visit. */
export interface WrittenAnswerTable {
	id: Generated<number>;
	evaluation_id: number;
	subarea_id: string;
	/** The rubric question answered, or '' for an answer to the subarea as a whole. */
	question_id: Generated<string>;
	answer: string;
	row_version: Generated<number>;
	updated_by: number | null;
	updated_at: Timestamp;
}

/** An excerpt of one source (interview, document, web observation) backing one or more subareas. */
export interface EvidenceTable {
	id: Generated<number>;
	evaluation_id: number;
	source_kind: 'interview' | 'document' | 'web';
	interview_id: number | null;
	web_observation_id: number | null;
	document_id: number | null;
	page: number | null;
	/** The exact excerpt. */
	quote: string;
	note: Generated<string>;
	created_by: number | null;
	created_at: Timestamp;
	row_version: Generated<number>;
}

export interface EvidenceSubareaTable {
	evidence_id: number;
	subarea_id: string;
}

export interface FindingEvidenceTable {
	finding_kind: 'strength' | 'improvement' | 'narrative' | 'recommendation' | 'general';
	/** The finding's id, or for narratives/general the subarea/area id. */
	finding_key: string;
	evidence_id: number;
}

export interface SourcesTables {
	interview: InterviewTable;
	web_observation: WebObservationTable;
	written_answer: WrittenAnswerTable;
	evidence: EvidenceTable;
	evidence_subarea: EvidenceSubareaTable;
	finding_evidence: FindingEvidenceTable;
}
