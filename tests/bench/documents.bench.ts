/**
 * Search at scale: 500 documents × 50 pages (≈25 million characters). Target: top-20 hits with
 * snippets < 100 ms median; compared with a sequential ILIKE scan of the same text. Also: text
 * extraction of a 100-page PDF (< 5 s).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { benchDatabase, fmt, medianMs } from './support';
import { searchDocuments } from '../../src/lib/server/documents/search';
import { extractDocument } from '../../src/lib/server/documents/extract';
import { createEvaluation } from '../../src/lib/server/evaluations/evaluations';
import { systemActor } from '../../src/lib/server/accounts/audit';
import { makePdf } from '../helpers/files';

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	const { db: k } = db.opened;
	const corpus = [
		'hedemora-styrmodell-2024.txt',
		'askersund-pm-organisationsutveckling-2025.txt',
		'karlskoga-kommunkompassen-2022-ocr.txt'
	]
		.map((f) => readFileSync(`tests/fixtures/documents/${f}`, 'utf8'))
		.join('\n\n')
		.split(/\s+/);
	const evaluationId = await createEvaluation(k, systemActor, {
		municipalityCode: '0180',
		year: 2026,
		rubricId: 'kommunkompassen-2020',
		teamUserIds: [],
		contactUserId: null,
		visitStart: null,
		visitEnd: null
	});
	const started = performance.now();
	let chars = 0;
	for (let d = 0; d < 500; d++) {
		const { id } = await k
			.insertInto('source_document')
			.values({
				evaluation_id: evaluationId,
				title: `Dokument ${d + 1}`,
				kind: 'annat',
				file_name: `d${d}.txt`,
				media_type: 'text/plain',
				size_bytes: 0,
				sha256: '',
				content: new Uint8Array(),
				status: 'klar',
				page_count: 50
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const pages = Array.from({ length: 50 }, (_, p) => {
			const offset = (d * 997 + p * 131) % (corpus.length - 200);
			const text = corpus.slice(offset, offset + 150).join(' ');
			chars += text.length;
			return { document_id: id, page_number: p + 1, section_title: null, text };
		});
		await k.insertInto('document_page').values(pages).execute();
	}
	await sql`ANALYZE document_page`.execute(k);
	const load = performance.now() - started;
	const queries = [
		'styrmodell',
		'medborgardialog',
		'"politisk styrning"',
		'förvaltning*',
		'uppföljning analys'
	];
	const search: string[] = [];
	let total = 0;
	for (const q of queries) {
		const ms = await medianMs(15, () => searchDocuments(k, evaluationId, q, 20));
		total += ms;
		search.push(`  ${q}: ${fmt(ms)}`);
	}
	const ilike = await medianMs(5, () =>
		sql`SELECT p.document_id, p.page_number FROM document_page p JOIN source_document d ON d.id = p.document_id WHERE d.evaluation_id = ${evaluationId} AND p.text ILIKE ${'%medborgardialog%'} LIMIT 20000`.execute(
			k
		)
	);
	const fts = await medianMs(15, () => searchDocuments(k, evaluationId, 'medborgardialog', 20));
	const pdf = await makePdf(
		Array.from({ length: 100 }, (_, i) => corpus.slice(i * 120, i * 120 + 300).join(' '))
	);
	const extraction = await medianMs(3, () => extractDocument(pdf, 'pdf'));
	await db.drop();
	return [
		`database: ${db.label}; 500 documents × 50 pages = ${(chars / 1e6).toFixed(1)} million characters loaded in ${(load / 1000).toFixed(1)} s`,
		`top-20 search with snippets, median per query (target < 100 ms):`,
		...search,
		`  mean of medians: ${fmt(total / queries.length)}`,
		`sequential ILIKE scan for "medborgardialog": ${fmt(ilike)} vs full-text ${fmt(fts)} (ILIKE is ×${(ilike / fts).toFixed(1)} slower, and finds neither stems nor "medborgardialoger"→OCR variants)`,
		`text extraction of a 100-page PDF: ${fmt(extraction)} median (target < 5 s)`
	];
}
