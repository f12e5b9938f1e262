import type { ZodError } from 'zod';
import { type Locale } from '$lib/i18n';
import { translateKey, isMessageKey } from '$lib/i18n/lookup';

/**
 * Turns a zod error into one message per field in the user's language. Schemas use message keys
 * from the i18n dictionaries (e.g. 'errors.required'); other messages pass through unchanged.
 */
export function fieldErrors(error: ZodError, locale: Locale): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of error.issues) {
		const field = issue.path.map(String).join('.') || '_form';
		if (errors[field]) continue;
		// A limit's message names the limit ('errors.tooLong': "at most {max} characters").
		const vars = issue.code === 'too_big' ? { max: Number(issue.maximum) } : undefined;
		errors[field] = isMessageKey(issue.message)
			? translateKey(issue.message, vars, { locale })
			: issue.message;
	}
	return errors;
}
