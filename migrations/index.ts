import type { Migration } from 'kysely';
import * as createFoundation from './20261122000100_create_foundation';
import * as createAccounts from './20261122000200_create_accounts';
import * as createWorkspace from './20261122000300_create_workspace';
import * as createScoring from './20261122000310_create_scoring';
import * as createSources from './20261122000350_create_sources';
import * as createDocuments from './20261122000400_create_documents';
import * as createReportCache from './20261122000450_create_report_cache';
import * as createComparisons from './20261122000500_create_comparisons';
import * as createActionPlans from './20261122000600_create_action_plans';
import * as addQuestionToWrittenAnswer from './20261122154000_add_question_to_written_answer';
import * as addDocumentClaim from './20261127090000_add_document_claim';
import * as throttleLoginAttempts from './20261201000100_throttle_login_attempts';
import * as ownPeerGroups from './20261201000200_own_peer_groups';
import * as createDeletedItem from './20261201000300_create_deleted_item';
import * as addReopenReason from './20261201000400_add_reopen_reason';
import * as evaluationSetup from './20261202000100_evaluation_setup';
import * as factCheckThreads from './20261203000100_fact_check_threads';
import * as createPublishedAggregate from './20261204000100_create_published_aggregate';
import * as publicDataVersion from './20261205000100_public_data_version';
import * as createSelfAssessments from './20261206000100_create_self_assessments';
import * as createSignInDevice from './20261206120000_create_sign_in_device';
import * as addCreditAndTextLanguage from './20261206140000_add_credit_and_text_language';
import * as actionItemOrigin from './20261206150000_action_item_origin';
import * as createOutbox from './20261206160000_create_outbox';
import * as createReportDocxCache from './20261206170000_create_report_docx_cache';
import * as clearUntaggedReportCache from './20261206180000_clear_untagged_report_cache';
import * as createPublishedStrength from './20261206190000_create_published_strength';
import * as reportRendering from './20261207000100_report_rendering';
import * as textLangPerFinding from './20261207000300_text_lang_per_finding';

/**
 * Every migration, in order. Imported statically so Vite, the built server and the CLI all see
 * the same list; a migration is frozen once landed — add a new file instead of editing one.
 */
export const migrations: Record<string, Migration> = {
	'20261122000100_create_foundation': createFoundation,
	'20261122000200_create_accounts': createAccounts,
	'20261122000300_create_workspace': createWorkspace,
	'20261122000310_create_scoring': createScoring,
	'20261122000350_create_sources': createSources,
	'20261122000400_create_documents': createDocuments,
	'20261122000450_create_report_cache': createReportCache,
	'20261122000500_create_comparisons': createComparisons,
	'20261122000600_create_action_plans': createActionPlans,
	'20261122154000_add_question_to_written_answer': addQuestionToWrittenAnswer,
	'20261127090000_add_document_claim': addDocumentClaim,
	'20261201000100_throttle_login_attempts': throttleLoginAttempts,
	'20261201000200_own_peer_groups': ownPeerGroups,
	'20261201000300_create_deleted_item': createDeletedItem,
	'20261201000400_add_reopen_reason': addReopenReason,
	'20261202000100_evaluation_setup': evaluationSetup,
	'20261203000100_fact_check_threads': factCheckThreads,
	'20261204000100_create_published_aggregate': createPublishedAggregate,
	'20261205000100_public_data_version': publicDataVersion,
	'20261206000100_create_self_assessments': createSelfAssessments,
	'20261206120000_create_sign_in_device': createSignInDevice,
	'20261206140000_add_credit_and_text_language': addCreditAndTextLanguage,
	'20261206150000_action_item_origin': actionItemOrigin,
	'20261206160000_create_outbox': createOutbox,
	'20261206170000_create_report_docx_cache': createReportDocxCache,
	'20261206180000_clear_untagged_report_cache': clearUntaggedReportCache,
	'20261206190000_create_published_strength': createPublishedStrength,
	'20261207000100_report_rendering': reportRendering,
	'20261207000300_text_lang_per_finding': textLangPerFinding
};
