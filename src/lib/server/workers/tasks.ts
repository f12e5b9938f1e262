/**
 * The worker threads' entry: the CPU-heavy work that must not run on the server's event loop
 * (text extraction of uploads, PDF reports). Each task is a plain message in and out, so the
 * thread needs no database and can be killed at its memory limit without harming the server.
 */
import { extractDocument, type DocumentType, type Extraction } from '../documents/extract';
import { renderReportPdf } from '../report/pdf';
import type { ReportModel } from '$lib/domain/report/model';

export type WorkerTask =
	| { kind: 'ping' }
	| { kind: 'extract'; bytes: Uint8Array; type: DocumentType }
	| { kind: 'report'; model: ReportModel };

/** What a task answers; an ExtractionError comes back as `refused` (errors lose their class). */
export type WorkerResult =
	| { kind: 'pong' }
	| { kind: 'extracted'; extraction: Extraction }
	| { kind: 'refused'; message: string }
	| { kind: 'report'; pdf: Uint8Array };

export default async function run(task: WorkerTask): Promise<WorkerResult> {
	switch (task.kind) {
		case 'ping':
			return { kind: 'pong' };
		case 'extract':
			try {
				return { kind: 'extracted', extraction: await extractDocument(task.bytes, task.type) };
			} catch (e) {
				// Matched by name: the class object differs between the thread and the server.
				if ((e as Error)?.constructor?.name === 'ExtractionError')
					return { kind: 'refused', message: (e as Error).message };
				throw e;
			}
		case 'report':
			return { kind: 'report', pdf: new Uint8Array(await renderReportPdf(task.model)) };
	}
}
