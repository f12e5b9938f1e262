import type { FoundationTables } from './tables/foundation';
import type { AccountsTables, MailTables } from './tables/accounts';
import type { WorkspaceTables } from './tables/workspace';
import type { ScoringTables } from './tables/scoring';
import type { SourcesTables } from './tables/sources';
import type { DocumentsTables } from './tables/documents';
import type { ComparisonsTables } from './tables/comparisons';
import type { ActionPlansTables } from './tables/action-plans';
import type { SelfAssessmentTables } from './tables/self-assessments';

export type * from './tables/foundation';

/** The whole schema, one interface per feature so features evolve in their own files. */
export interface DB
	extends
		FoundationTables,
		AccountsTables,
		MailTables,
		WorkspaceTables,
		ScoringTables,
		SourcesTables,
		DocumentsTables,
		ComparisonsTables,
		ActionPlansTables,
		SelfAssessmentTables {}
