/**
 * The report caches are keyed by the renderers' version (`reportRendering`): a file rendered by an
 * older version is never served and is replaced by the next rendering, so changing the renderers
 * needs no migration that empties the caches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import {
	cacheReport,
	findCachedReportOfEvaluation,
	reportRendering
} from '../../src/lib/server/report/cache';
import {
	cacheReportDocx,
	findCachedReportDocxOfEvaluation
} from '../../src/lib/server/report/docx-cache';

let t: TestDatabase;
let evaluationId: number;
let publishedResultId: number;
beforeAll(async () => {
	t = await createTestDatabase({ demo: true });
	const current = await t.db
		.selectFrom('published_result as pr')
		.innerJoin('evaluation as e', 'e.id', 'pr.evaluation_id')
		.select(['pr.id', 'pr.evaluation_id'])
		.where('pr.is_current', '=', true)
		.where('e.status', '=', 'publicerad')
		.orderBy('pr.id')
		.executeTakeFirstOrThrow();
	evaluationId = current.evaluation_id;
	publishedResultId = current.id;
});
afterAll(async () => {
	await t?.close();
});

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

describe('the report caches by renderer version', () => {
	it('does not serve a PDF of an older rendering, and replaces it with the next one', async () => {
		await t.db
			.insertInto('report_cache')
			.values({
				published_result_id: publishedResultId,
				pdf: bytes('old pdf'),
				rendering: reportRendering - 1
			})
			.execute();
		expect(await findCachedReportOfEvaluation(t.db, evaluationId)).toBeUndefined();
		await cacheReport(t.db, publishedResultId, bytes('new pdf'));
		expect(text((await findCachedReportOfEvaluation(t.db, evaluationId))?.pdf)).toBe('new pdf');
		expect(
			(
				await t.db
					.selectFrom('report_cache')
					.select('rendering')
					.where('published_result_id', '=', publishedResultId)
					.executeTakeFirstOrThrow()
			).rendering
		).toBe(reportRendering);
	});

	it('does the same for the Word report', async () => {
		await t.db
			.insertInto('report_docx_cache')
			.values({
				published_result_id: publishedResultId,
				docx: bytes('old docx'),
				rendering: reportRendering - 1
			})
			.execute();
		expect(await findCachedReportDocxOfEvaluation(t.db, evaluationId)).toBeUndefined();
		await cacheReportDocx(t.db, publishedResultId, bytes('new docx'));
		// Two builds of the same version at once: the first one stored stays.
		await cacheReportDocx(t.db, publishedResultId, bytes('racing docx'));
		expect(text((await findCachedReportDocxOfEvaluation(t.db, evaluationId))?.docx)).toBe(
			'new docx'
		);
	});
});
