/**
 * Text the app cannot store as it was given. PostgreSQL refuses U+0000 in text ("invalid byte
 * sequence 0x00"), and a lone surrogate (\uD800) or bytes that were not UTF-8 (decoded to U+FFFD)
 * would be stored altered while the app says "saved". The request boundary
 * (server/http/bad-input.ts) and the file imports refuse both with the same test.
 */

/** What is wrong with a text: a NUL, or not valid Unicode text. */
export type TextProblem = 'nul' | 'invalid';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a text holds a NUL or is not valid text (lone surrogates, replaced bytes). */
export function textProblem(text: string): TextProblem | null {
	if (text.includes('\u0000')) return 'nul';
	if (text.includes('\uFFFD') || loneSurrogate.test(text)) return 'invalid';
	return null;
}

/** Every string (and key) in a parsed JSON value that has a problem, with its path (a.b[2]). */
export function findTextProblems(
	value: unknown,
	path = ''
): { path: string; problem: TextProblem }[] {
	const at = (key: string | number) =>
		typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
	if (typeof value === 'string') {
		const problem = textProblem(value);
		return problem ? [{ path: path || '(value)', problem }] : [];
	}
	if (Array.isArray(value)) return value.flatMap((item, i) => findTextProblems(item, at(i)));
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, item]) => {
			const problem = textProblem(key);
			const name = key.replace(/\0/g, '\\u0000');
			return [
				...(problem ? [{ path: at(name), problem }] : []),
				...findTextProblems(item, at(name))
			];
		});
	}
	return [];
}

/** The English description of a problem, for file imports' problem lists. */
export const textProblemMessage: Record<TextProblem, string> = {
	nul: 'contains a NUL character (\\u0000), which cannot be stored',
	invalid:
		'contains characters that are not valid text (a lone surrogate or bytes that are not UTF-8)'
};
