/**
 * The full Karlskoga 2022 report: median generation time and memory (target < 1 s, < 150 MB),
 * the time with the report cached, and the ratio to rendering the HTML report page.
 */
import { benchDatabase, fmt, httpMedian, medianMs, startServer } from './support';
import { loadReportModel, reportPdf } from '../../src/lib/server/report/load';
import { renderReportPdf } from '../../src/lib/server/report/pdf';

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	const { db: k } = db.opened;
	const id = (
		await k
			.selectFrom('evaluation')
			.select('id')
			.where('municipality_code', '=', '1883')
			.where('year', '=', 2022)
			.executeTakeFirstOrThrow()
	).id;
	const { model } = await loadReportModel(k, id);
	let pages = 0;
	await renderReportPdf(model); // warm-up: fonts and modules loaded
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const rssBefore = process.memoryUsage().rss;
	let peakHeap = heapBefore;
	let peak = rssBefore;
	const sampler = setInterval(() => {
		const m = process.memoryUsage();
		peakHeap = Math.max(peakHeap, m.heapUsed);
		peak = Math.max(peak, m.rss);
	}, 2);
	const generate = await medianMs(10, async () => {
		const pdf = await renderReportPdf(model);
		// Generation is synchronous work: sample right after it, before the collector runs.
		const m = process.memoryUsage();
		peakHeap = Math.max(peakHeap, m.heapUsed);
		peak = Math.max(peak, m.rss);
		pages = (
			Buffer.from(pdf)
				.toString('latin1')
				.match(/\/Type\s*\/Page[^s]/g) ?? []
		).length;
	});
	clearInterval(sampler);
	const withLoad = await medianMs(5, () => loadReportModel(k, id));
	await reportPdf(k, id); // fills the cache
	const cached = await medianMs(20, () => reportPdf(k, id));
	const port = 4500 + Math.floor(Math.random() * 100);
	const server = await startServer(db, port);
	try {
		const html = await httpMedian(`http://localhost:${port}/kommuner/1883/2022/rapport`, 20);
		const pdfHttp = await httpMedian(`http://localhost:${port}/kommuner/1883/2022/rapport.pdf`, 20);
		return [
			`database: ${db.label}`,
			`PDF generation (${pages} pages, from the loaded model): ${fmt(generate)} median; target < 1 s`,
			`loading the report model from the database: ${fmt(withLoad)} median`,
			`memory while generating: peak heap growth ${((peakHeap - heapBefore) / 1024 / 1024).toFixed(0)} MB, RSS growth ${((peak - rssBefore) / 1024 / 1024).toFixed(0)} MB (whole process peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB, with the database client and app modules); target < 150 MB`,
			`cached report (published version): ${fmt(cached)} median`,
			`over HTTP: cached PDF ${fmt(pdfHttp)}, HTML report page ${fmt(html)}; uncached generation is ×${(generate / html).toFixed(1)} the HTML page`
		];
	} finally {
		server.kill();
		await db.drop();
	}
}
