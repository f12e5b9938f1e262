/**
 * Swedish full-text search over an evaluation's documents: accent-insensitive both ways (the
 * swedish_unaccent configuration), phrases ("…") and prefixes (ord*), ranked with ts_rank_cd,
 * with highlighted snippets that are safe to render as HTML. The query itself is
 * repositories/document-search.ts.
 */
import type { Database } from '../db';
import { findMatchingPages } from './search-queries';
import type { RubricSubarea } from '$lib/domain/rubric';

export interface SearchHit {
	documentId: number;
	title: string;
	page: number;
	sectionTitle: string | null;
	rank: number;
	/** HTML: the passage escaped, with matches in <mark>. */
	snippet: string;
	/** The passage as plain text, for citing. */
	text: string;
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/**
 * Long single words also match as a prefix of their stem. The Swedish stemmer runs after unaccent
 * and does not treat every inflection alike: "ungdomsråd" stems to "ungdomsr" but "Ungdomsrådet"
 * stays "ungdomsradet", so a plain match missed the council on the page. A stem prefix finds the
 * inflected and compound forms; short words stay exact so "mål" does not find "Malmö".
 */
const prefixFromLength = 7;

/**
 * Builds a to_tsquery expression from user input: "quoted phrases" become <-> sequences, a
 * trailing * a prefix match, `OR` between terms an alternative; everything else is AND-ed.
 * Only letters and digits reach the expression, so input cannot inject tsquery syntax.
 */
export function buildTsQuery(input: string, join: '&' | '|' = '&'): string | null {
	const parts: string[] = [];
	const tokenPattern = /"([^"]*)"|(\S+)/g;
	let pendingOr = false;
	for (const match of input.matchAll(tokenPattern)) {
		if (match[2] === 'OR' || match[2] === 'ELLER') {
			pendingOr = parts.length > 0;
			continue;
		}
		let term: string | null = null;
		if (match[1] !== undefined) {
			const words = match[1].match(wordPattern) ?? [];
			if (words.length) term = words.length === 1 ? words[0] : `(${words.join(' <-> ')})`;
		} else {
			const raw = match[2];
			const words = raw.match(wordPattern) ?? [];
			if (words.length) {
				const prefix =
					raw.endsWith('*') || (words.length === 1 && words[0].length >= prefixFromLength);
				term = words.map((w, i) => (prefix && i === words.length - 1 ? `${w}:*` : w)).join(' <-> ');
				if (words.length > 1) term = `(${term})`;
			}
		}
		if (!term) continue;
		if (parts.length) parts.push(pendingOr ? '|' : join);
		parts.push(term);
		pendingOr = false;
	}
	return parts.length ? parts.join(' ') : null;
}

const escapeHtml = (s: string) =>
	s.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string
	);

/** ts_headline marks matches with control characters; escape everything, then turn them into <mark>. */
function safeSnippet(headline: string): string {
	return escapeHtml(headline).replaceAll('\u0001', '<mark>').replaceAll('\u0002', '</mark>');
}

/** Runs a query built by buildTsQuery; none (an empty or meaningless input) finds nothing. */
async function runSearch(
	db: Database,
	evaluationId: number,
	tsquery: string | null,
	limit: number
): Promise<SearchHit[]> {
	if (!tsquery) return [];
	const pages = await findMatchingPages(db, evaluationId, tsquery, limit);
	return pages.map(({ headline, ...page }) => ({ ...page, snippet: safeSnippet(headline) }));
}

/** Searches one evaluation's documents; an empty or meaningless query gives no hits. */
export async function searchDocuments(
	db: Database,
	evaluationId: number,
	input: string,
	limit = 20
): Promise<SearchHit[]> {
	return runSearch(db, evaluationId, buildTsQuery(input.slice(0, 500)), limit);
}

/** Passages that best match a subarea's keywords (any of them), for the scoring view. */
export async function suggestPassages(
	db: Database,
	evaluationId: number,
	subarea: RubricSubarea,
	limit = 5
): Promise<SearchHit[]> {
	const keywords = subarea.keywords?.length ? subarea.keywords : [subarea.title];
	const tsquery = buildTsQuery(
		keywords.map((k) => (k.includes(' ') ? `"${k}"` : k)).join(' OR '),
		'|'
	);
	return runSearch(db, evaluationId, tsquery, limit);
}
