/**
 * Rendered PDFs of published versions: a published version never changes, so its report is
 * rendered once and served from here.
 */
import type { Database } from '../db';

/** The cached PDF of a published version, or undefined when it has not been rendered yet. */
export async function findCachedReport(
	db: Database,
	publishedResultId: number
): Promise<Uint8Array | undefined> {
	const cached = await db
		.selectFrom('report_cache')
		.select('pdf')
		.where('published_result_id', '=', publishedResultId)
		.executeTakeFirst();
	return cached && new Uint8Array(cached.pdf);
}

/** Keeps a rendered PDF; when two requests render at once, the first one stored stays. */
export async function cacheReport(db: Database, publishedResultId: number, pdf: Uint8Array) {
	await db
		.insertInto('report_cache')
		.values({ published_result_id: publishedResultId, pdf })
		.onConflict((oc) => oc.column('published_result_id').doNothing())
		.execute();
}
