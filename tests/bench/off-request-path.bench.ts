/**
 * Work off the request path (issue 18, item 3): /api/v1/ping timed back to back on the built
 * server while it generates the uncached Karlskoga report five times and extracts a 150-page
 * PDF in its worker thread. Target: ping p99 < 50 ms during that work. PostgreSQL only: on
 * PGlite the database itself runs on the server's thread.
 */
import { sql } from 'kysely';
import { benchDatabase, fmt, startServer } from './support';
import { addDocument } from '../../src/lib/server/documents/documents';
import { systemActor } from '../../src/lib/server/accounts/audit';
import { makePdf } from '../helpers/files';
import { percentile, samplePing } from '../helpers/ping';

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	if (!db.url) {
		await db.drop();
		return ['skipped: set TEST_DATABASE_URL (PostgreSQL) for this benchmark'];
	}
	const k = db.opened.db;
	const port = 4360;
	process.env.EXTRACTION_POLL_S = '1';
	const server = await startServer(db, port);
	const origin = `http://localhost:${port}`;
	try {
		const idle = await samplePing(origin, new Promise((r) => setTimeout(r, 3000)));
		const evaluationId = (
			await k
				.selectFrom('evaluation')
				.select('id')
				.where('municipality_code', '=', '1883')
				.where('year', '=', 2022)
				.executeTakeFirstOrThrow()
		).id;
		const pdf = await makePdf(
			Array.from(
				{ length: 150 },
				(_, i) => `Sida ${i + 1}. ${'Kommunens styrning och uppföljning. '.repeat(100)}`
			)
		);
		const reportTimes: number[] = [];
		const work = (async () => {
			const documentId = await addDocument(k, systemActor, evaluationId, {
				fileName: 'bench-150-sidor.pdf',
				bytes: pdf
			});
			for (let i = 0; i < 5; i++) {
				await sql`DELETE FROM report_cache`.execute(k);
				const started = performance.now();
				const response = await fetch(`${origin}/kommuner/1883/2022/rapport.pdf`);
				if (!response.ok) throw new Error(`report: ${response.status}`);
				await response.arrayBuffer();
				reportTimes.push(performance.now() - started);
			}
			for (;;) {
				const doc = await k
					.selectFrom('source_document')
					.select('status')
					.where('id', '=', documentId)
					.executeTakeFirstOrThrow();
				if (doc.status !== 'bearbetas') break;
				await new Promise((r) => setTimeout(r, 100));
			}
		})();
		const busy = await samplePing(origin, work);
		const p99 = percentile(busy, 99);
		return [
			`database: ${db.label}`,
			`ping at rest: p50 ${fmt(percentile(idle, 50))}, p99 ${fmt(percentile(idle, 99))} (n=${idle.length})`,
			`uncached report over HTTP: median ${fmt(percentile(reportTimes, 50))}`,
			`ping during 5 reports + a 150-page PDF extraction: p50 ${fmt(percentile(busy, 50))}, p99 ${fmt(p99)}, max ${fmt(Math.max(...busy))} (n=${busy.length}) — target p99 < 50 ms: ${p99 < 50 ? 'met' : 'NOT met'}`
		];
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		await db.drop();
	}
}
