import type { Database } from '../db';
import type { SeedLog } from './index';
import { systemActor } from '../repositories/audit';
import { addDocument, extractStoredDocument } from '../repositories/documents';
import { createEvaluation } from '../repositories/evaluations';

// Bundled as JSON so the built server and the CLI both carry the texts (no file reads at run time).
import demoDocuments from './reference/demo-documents.json';

const karlskogaOcr = demoDocuments['karlskoga-kommunkompassen-2022-ocr.txt'];
const hedemora = demoDocuments['hedemora-styrmodell-2024.txt'];
const askersund = demoDocuments['askersund-pm-organisationsutveckling-2025.txt'];

const encoder = new TextEncoder();

/**
 * Real governing documents for the demo: the Karlskoga report's own OCR text on Karlskoga 2022,
 * and Hedemora's steering model and Askersund's organisation memo on two evaluations in
 * collection, so a newcomer can search them and cite passages.
 */
export async function seedDocuments(db: Database, log: SeedLog): Promise<void> {
	const karlskoga = await db
		.selectFrom('evaluation')
		.select('id')
		.where('municipality_code', '=', '1883')
		.where('year', '=', 2022)
		.where('origin', '=', 'workspace')
		.executeTakeFirst();
	const hedemoraId = await createEvaluation(db, systemActor, {
		municipalityCode: '2083',
		year: 2026,
		rubricId: 'kommunkompassen-2020',
		teamUserIds: [],
		contactUserId: null,
		visitStart: '2026-04-13',
		visitEnd: '2026-04-16'
	});
	const askersundId = await createEvaluation(db, systemActor, {
		municipalityCode: '1882',
		year: 2026,
		rubricId: 'kommunkompassen-2020',
		teamUserIds: [],
		contactUserId: null,
		visitStart: '2026-05-04',
		visitEnd: '2026-05-06'
	});
	await db
		.updateTable('evaluation')
		.set({ status: 'insamling' })
		.where('id', 'in', [hedemoraId, askersundId])
		.execute();
	const files = [
		...(karlskoga
			? [
					{
						evaluationId: karlskoga.id,
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
		},
		{
			evaluationId: askersundId,
			fileName: 'askersund-pm-organisationsutveckling-2025.txt',
			title: 'PM organisationsutveckling, Askersunds kommun',
			kind: 'annat' as const,
			date: '2025-01-01',
			text: askersund
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
	log(`Demo: ${files.length} governing documents extracted and searchable.`);
}
