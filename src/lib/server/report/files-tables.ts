import type { Timestamp } from '../db/tables/foundation';

/** A published version's Word report, built once (report_cache holds its PDF). */
export interface ReportDocxCacheTable {
	published_result_id: number;
	docx: Uint8Array;
	created_at: Timestamp;
}

export interface ReportFilesTables {
	report_docx_cache: ReportDocxCacheTable;
}
