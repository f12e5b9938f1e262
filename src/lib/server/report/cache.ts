/**
 * Rendered PDFs of published versions: a published version never changes, so its report is
 * rendered once and served from here.
 */
import type { Database } from '../db';

/**
 * The version of what the PDF and Word renderers draw. Bump it whenever a change alters the files
 * (layout, tagging, charts, texts): cached files of another version are not served but rendered
 * again on the next request, so no migration has to empty the caches.
 */
export const reportRendering = 2;

/**
 * Keeps a rendered PDF; when two requests render at once, the first one stored stays. A file of
 * an older rendering is replaced.
 */
export async function cacheReport(db: Database, publishedResultId: number, pdf: Uint8Array) {
	await db
		.insertInto('report_cache')
		.values({ published_result_id: publishedResultId, pdf, rendering: reportRendering })
		.onConflict((oc) =>
			oc
				.column('published_result_id')
				.doUpdateSet((eb) => ({
					pdf: eb.ref('excluded.pdf'),
					rendering: eb.ref('excluded.rendering'),
					created_at: eb.fn('now')
				}))
				.where('report_cache.rendering', '<>', reportRendering)
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
		.executeTakeFirst();
	return row && { pdf: new Uint8Array(row.pdf), municipality: row.name, year: row.year };
}
