/**
 * The expected refusals (403, 404) as message keys: `error(404, refusal('errors.municipalityNotFound'))`.
 * The error page shows the key's text in the reader's language, so a refusal never reaches an
 * English reader in Swedish; `message` is the same text in the request's language, for callers
 * that read the JSON of an endpoint's error. ESLint refuses a string literal in `error()`.
 */
import { refusalText, type RefusalKey } from '$lib/i18n/refusal';

/** The body of an expected refusal: its key, and its text in the request's language. */
export function refusal(key: RefusalKey): App.Error {
	return { message: refusalText(key) ?? key, key };
}
