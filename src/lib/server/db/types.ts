import type { FoundationTables } from './tables/foundation';
import type { AccountsTables, MailTables } from '../accounts/tables';
import type { WorkspaceTables } from '../evaluations/tables';
import type { ScoringTables } from '../scoring/tables';
import type { SourcesTables } from '../sources/tables';
import type { DocumentsTables } from '../documents/tables';
import type { ComparisonsTables } from '../published/tables';
import type { ActionPlansTables } from '../action-plans/tables';
import type { SelfAssessmentTables } from '../self-assessment/tables';
import type { GoodExamplesTables } from '../published/good-examples-tables';
import type { ReportFilesTables } from '../report/files-tables';

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
		SelfAssessmentTables,
		GoodExamplesTables,
		ReportFilesTables {}
