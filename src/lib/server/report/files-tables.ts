import type { ColumnType } from 'kysely';
import type { Timestamp } from '../db/tables/foundation';

/**
 * A published version's report files, rendered once. `rendering` is the renderer's version
 * (`reportRendering` in cache.ts) the file was made with: a file of another version is never
 * served, and the next request renders it again.
 */
export interface ReportCacheTable {
	published_result_id: number;
	pdf: Uint8Array;
	rendering: ColumnType<number, number, number>;
	created_at: Timestamp;
}

export interface ReportDocxCacheTable {
	published_result_id: number;
	docx: Uint8Array;
	rendering: ColumnType<number, number, number>;
	created_at: Timestamp;
}

export interface ReportFilesTables {
	report_cache: ReportCacheTable;
	report_docx_cache: ReportDocxCacheTable;
}
