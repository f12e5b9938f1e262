import type { Database } from '../index';
import type { SeedLog } from './index';
import { systemActor } from '../../accounts/audit';
import { addDocument } from '../../documents/documents';
import { extractStoredDocument } from '../../jobs/extraction';
import { createEvaluation } from '../../evaluations/evaluations';
import type { DemoUsers } from './demo-users';
import { DEFAULT_RUBRIC } from '$lib/domain/rubric';
import { findSeededKarlskoga } from './karlskoga';

// Bundled as JSON so the built server and the CLI both carry the texts (no file reads at run time).
import demoDocuments from './reference/demo-documents.json';

const karlskogaOcr = demoDocuments['karlskoga-kommunkompassen-2022-ocr.txt'];
const hedemora = demoDocuments['hedemora-styrmodell-2024.txt'];

const encoder = new TextEncoder();

/** The demo's evaluation in progress (in collection): a past year, so no one's own plan collides. */
export const demoInProgress = { municipalityCode: '2083', year: 2025 } as const;

const addDays = (date: Date, days: number) =>
	new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo's evaluation in progress, Hedemora 2025 in collection, with a demo team (both declared
 * free of conflict of interest) and a demo contact, planned dates counted from today so that its
 * tasks and deadlines are current; and real governing documents: the Karlskoga report's own OCR
 * text on Karlskoga 2022 and Hedemora's steering model, to search and cite.
 */
export async function seedDocuments(db: Database, log: SeedLog, demo: DemoUsers): Promise<void> {
	const karlskoga = await findSeededKarlskoga(db);
	const { ids } = demo;
	const today = new Date();
	const hedemoraId = await createEvaluation(db, systemActor, {
		...demoInProgress,
		rubricId: DEFAULT_RUBRIC,
		teamUserIds: [ids.evaluatorA, ids.evaluatorB],
		contactUserId: ids.contact,
		answersDue: addDays(today, 14),
		visitStart: addDays(today, 28),
		visitEnd: addDays(today, 30),
		factCheckDue: addDays(today, 70),
		publicationPlanned: addDays(today, 90)
	});
	await db
		.updateTable('evaluation')
		.set({ status: 'insamling' })
		.where('id', '=', hedemoraId)
		.execute();
	await db
		.updateTable('evaluation_member')
		.set({ no_conflict_declared_at: new Date() })
		.where('evaluation_id', '=', hedemoraId)
		.execute();
	const files = [
		...(karlskoga !== undefined
			? [
					{
						evaluationId: karlskoga,
						fileName: 'karlskoga-kommunkompassen-2022-ocr.txt',
						title: 'Kommunkompassen – Analys av Karlskoga kommun (OCR)',
						kind: 'annat' as const,
						date: '2022-12-01',
						text: karlskogaOcr
					}
				]
			: []),
		{
			evaluationId: hedemoraId,
			fileName: 'hedemora-styrmodell-2024.txt',
			title: 'Styrmodell för Hedemora kommun',
			kind: 'styrmodell' as const,
			date: '2024-01-01',
			text: hedemora
		}
	];
	for (const f of files) {
		const id = await addDocument(db, systemActor, f.evaluationId, {
			fileName: f.fileName,
			bytes: encoder.encode(f.text),
			title: f.title,
			kind: f.kind,
			documentDate: f.date
		});
		await extractStoredDocument(db, id);
	}
	log(
		`Demo: Hedemora 2025 in collection with a demo team and contact; ${files.length} governing documents extracted and searchable.`
	);
}
