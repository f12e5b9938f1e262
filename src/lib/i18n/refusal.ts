/**
 * The text of an expected refusal's key (see server/http/refusal.ts) in the current language, for
 * the error page; undefined for a key that is not a refusal's, so a page never shows a raw key.
 */
import { m } from '../paraglide/messages.js';

const texts = {
	'errors.forbidden': m['errors.forbidden'],
	'errors.notFound': m['errors.notFound'],
	'errors.evaluationNotFound': m['errors.evaluationNotFound'],
	'errors.selfAssessmentNotFound': m['errors.selfAssessmentNotFound'],
	'errors.municipalityNotFound': m['errors.municipalityNotFound'],
	'errors.noAreaResults': m['errors.noAreaResults'],
	'errors.noPublishedReport': m['errors.noPublishedReport'],
	'errors.documentNotFound': m['errors.documentNotFound'],
	'errors.subareaNotFound': m['errors.subareaNotFound'],
	'errors.noSharedSelfAssessment': m['errors.noSharedSelfAssessment'],
	'errors.teamOnlySheets': m['errors.teamOnlySheets'],
	'errors.backupPglite': m['errors.backupPglite']
} satisfies Record<string, () => string>;

/** The keys an `error()` may carry. */
export type RefusalKey = keyof typeof texts;

export function refusalText(key: string): string | undefined {
	return Object.hasOwn(texts, key) ? texts[key as RefusalKey]() : undefined;
}
