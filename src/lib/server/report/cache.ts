/**
 * Rendered PDFs of published versions: a published version never changes, so its report is
 * rendered once and served from here, until a follow-up of it is published (the report names
 * its follow-ups, issue 28): then it is rendered once more and replaces the one kept.
 */
import { sql } from 'kysely';
import type { Database } from '../db';

/**
 * The version of what the PDF and Word renderers draw. Bump it whenever a change alters the files
 * (layout, tagging, charts, texts): cached files of another version are not served but rendered
 * again on the next request, so no migration has to empty the caches.
 */
export const reportRendering = 3;

/**
 * Keeps a rendered PDF. It replaces the one kept: that one is served only while it is of this
 * rendering and no follow-up was published after it, so a caller renders again only then. (Two
 * requests rendering at once store the same bytes.)
 */
export async function cacheReport(db: Database, publishedResultId: number, pdf: Uint8Array) {
	await db
		.insertInto('report_cache')
		.values({ published_result_id: publishedResultId, pdf, rendering: reportRendering })
		.onConflict((oc) =>
			oc.column('published_result_id').doUpdateSet({
				pdf,
				rendering: reportRendering,
				created_at: sql`now()`
			})
		)
		.execute();
}

/**
 * The cached PDF of an evaluation's current published version with the facts its file is named
 * after; undefined when the evaluation is not published or its report not rendered yet.
 */
export async function findCachedReportOfEvaluation(
	db: Database,
	evaluationId: number
): Promise<{ pdf: Uint8Array; municipality: string; year: number } | undefined> {
	const row = await db
		.selectFrom('published_result as pr')
		.innerJoin('evaluation as e', 'e.id', 'pr.evaluation_id')
		.innerJoin('report_cache as rc', 'rc.published_result_id', 'pr.id')
		.innerJoin('municipality as m', 'm.code', 'pr.municipality_code')
		.select(['rc.pdf', 'm.name', 'pr.year'])
		.where('pr.evaluation_id', '=', evaluationId)
		.where('pr.is_current', '=', true)
		.where('e.status', '=', 'publicerad')
		.where('rc.rendering', '=', reportRendering)
		// Rendered before a follow-up was published: it does not name that follow-up yet.
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('evaluation as f')
						.innerJoin('published_result as fr', 'fr.evaluation_id', 'f.id')
						.select('f.id')
						.whereRef('f.previous_evaluation_id', '=', 'e.id')
						.where('f.status', '=', 'publicerad')
						.whereRef('fr.published_at', '>', 'rc.created_at')
				)
			)
		)
		.executeTakeFirst();
	return row && { pdf: new Uint8Array(row.pdf), municipality: row.name, year: row.year };
}
