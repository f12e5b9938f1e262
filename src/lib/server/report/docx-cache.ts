/**
 * Word reports of published versions: a published version never changes, so its .docx is built
 * once and served from here (report-cache.ts does the same for the PDF).
 */
import type { Database } from '../db';
import { reportRendering } from './cache';

/**
 * Keeps a built .docx; when two requests build it at once, the first one stored stays. A file of
 * an older rendering (cache.ts) is replaced.
 */
export async function cacheReportDocx(db: Database, publishedResultId: number, docx: Uint8Array) {
	await db
		.insertInto('report_docx_cache')
		.values({ published_result_id: publishedResultId, docx, rendering: reportRendering })
		.onConflict((oc) =>
			oc
				.column('published_result_id')
				.doUpdateSet((eb) => ({
					docx: eb.ref('excluded.docx'),
					rendering: eb.ref('excluded.rendering'),
					created_at: eb.fn('now')
				}))
				.where('report_docx_cache.rendering', '<>', reportRendering)
		)
		.execute();
}

/**
 * The cached .docx of an evaluation's current published version with the facts its file is named
 * after; undefined when the evaluation is not published or its Word report not built yet.
 */
export async function findCachedReportDocxOfEvaluation(
	db: Database,
	evaluationId: number
): Promise<{ docx: Uint8Array; municipality: string; year: number } | undefined> {
	const row = await db
		.selectFrom('published_result as pr')
		.innerJoin('evaluation as e', 'e.id', 'pr.evaluation_id')
		.innerJoin('report_docx_cache as rc', 'rc.published_result_id', 'pr.id')
		.innerJoin('municipality as m', 'm.code', 'pr.municipality_code')
		.select(['rc.docx', 'm.name', 'pr.year'])
		.where('pr.evaluation_id', '=', evaluationId)
		.where('pr.is_current', '=', true)
		.where('e.status', '=', 'publicerad')
		.where('rc.rendering', '=', reportRendering)
		.executeTakeFirst();
	return row && { docx: new Uint8Array(row.docx), municipality: row.name, year: row.year };
}
