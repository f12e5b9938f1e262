/**
 * The Word report as a download: the same model as the PDF (loadReportModel), cached per published
 * version like the PDF, so every download of a version is byte-identical.
 */
import type { Database } from '../db';
import type { Locale } from '$lib/i18n';
import { cacheReportDocx, findCachedReportDocxOfEvaluation } from './docx-cache';
import { loadReportModel, pdfDisposition, type ReportFileFacts } from './load';
import { renderReportDocx } from './docx';

export const docxContentType =
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The .docx in the reader's language. A published version's Swedish file is built once and then
 * served from the cache (one query, no report model); the English one is built on each request.
 */
export async function reportDocx(
	db: Database,
	evaluationId: number,
	locale: Locale = 'sv'
): Promise<{ docx: Uint8Array; facts: ReportFileFacts }> {
	const cached = locale === 'sv' ? await findCachedReportDocxOfEvaluation(db, evaluationId) : null;
	if (cached) {
		const { docx, municipality, year } = cached;
		return { docx, facts: { municipality, year, draft: false } };
	}
	const { model, publishedResultId } = await loadReportModel(db, evaluationId, locale);
	const facts = { municipality: model.municipality.name, year: model.year, draft: model.draft };
	const docx = await renderReportDocx(model);
	if (publishedResultId && locale === 'sv') await cacheReportDocx(db, publishedResultId, docx);
	return { docx, facts };
}

/** The download's headers: an attachment (Word opens it), public only for a published version. */
export function docxHeaders(name: string, draft: boolean): Record<string, string> {
	return {
		'content-type': docxContentType,
		'content-disposition': pdfDisposition(name, false),
		'cache-control': draft ? 'private, no-store' : 'public, max-age=3600',
		// The language comes from the lang cookie: a cache must not hand one reader's to another.
		vary: 'Cookie'
	};
}
