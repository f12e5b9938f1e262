/**
 * The full-text query over an evaluation's document pages (documents/search.ts builds the
 * tsquery from the user's words and makes the snippets safe to render).
 */
import { sql } from 'kysely';
import type { Database } from '../db';

export interface PageMatch {
	documentId: number;
	title: string;
	page: number;
	sectionTitle: string | null;
	rank: number;
	/** The page's text. */
	text: string;
	/** ts_headline's passage, its matches between the control characters \u0001 and \u0002. */
	headline: string;
}

/**
 * The best-ranked pages of one evaluation's documents for a to_tsquery expression (accent-
 * insensitive: the swedish_unaccent configuration), ranked with ts_rank_cd.
 */
export async function findMatchingPages(
	db: Database,
	evaluationId: number,
	tsquery: string,
	limit: number
): Promise<PageMatch[]> {
	const query = sql`to_tsquery('swedish_unaccent', ${tsquery})`;
	// Rank in a subquery first so ts_headline (the expensive part) runs only for the top hits.
	const rows = await sql<{
		document_id: number;
		title: string;
		page_number: number;
		section_title: string | null;
		rank: number;
		text: string;
		snippet: string;
	}>`
		WITH top AS (
			SELECT p.document_id, p.page_number, p.section_title, p.text, ts_rank_cd(p.tsv, ${query}) AS rank
			FROM document_page p
			JOIN source_document d ON d.id = p.document_id
			WHERE d.evaluation_id = ${evaluationId} AND p.tsv @@ ${query}
			ORDER BY rank DESC, p.document_id, p.page_number
			LIMIT ${limit}
		)
		SELECT top.document_id, d.title, top.page_number, top.section_title, top.rank::float8 AS rank, top.text,
			ts_headline('swedish_unaccent', top.text, ${query},
				'StartSel=' || chr(1) || ', StopSel=' || chr(2) || ', MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
		FROM top JOIN source_document d ON d.id = top.document_id
		ORDER BY top.rank DESC, top.document_id, top.page_number`.execute(db);
	return rows.rows.map((r) => ({
		documentId: r.document_id,
		title: r.title,
		page: r.page_number,
		sectionTitle: r.section_title,
		rank: Number(r.rank),
		text: r.text,
		headline: r.snippet
	}));
}
