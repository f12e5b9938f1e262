/**
 * Results at national scale: 290 municipalities × 10 evaluations × 36 subareas (≈104 000 scores).
 * Targets: national-average API and compare page (6 municipalities) < 50 ms median, municipality
 * page < 100 ms, each reported with its ratio to a constant endpoint on the same server.
 */
import { benchDatabase, fmt, httpMedian, startServer } from './support';
import { seedNationalResults } from './national-data';

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	const { db: k } = db.opened;
	const started = performance.now();
	const scores = await seedNationalResults(k);
	const setup = performance.now() - started;

	const port = 4400 + Math.floor(Math.random() * 100);
	const server = await startServer(db, port);
	const base = `http://localhost:${port}`;
	try {
		const ping = await httpMedian(`${base}/api/v1/ping`, 100);
		const average = await httpMedian(`${base}/api/v1/national-average?rubric=kommunkompassen-2020`);
		const averageLatest = await httpMedian(
			`${base}/api/v1/national-average?rubric=kommunkompassen-2020&latest=true`
		);
		const compare = await httpMedian(
			`${base}/jamfor?kommuner=${encodeURIComponent('Karlskoga, Vallentuna, Tomelilla, Ale, Bjuv, Boden')}`
		);
		const municipality = await httpMedian(`${base}/kommuner/1883`);
		return [
			`database: ${db.label}; ${scores} subarea scores in ${(setup / 1000).toFixed(1)} s`,
			`constant endpoint /api/v1/ping: ${fmt(ping)} median`,
			`national-average API: ${fmt(average)} median (×${(average / ping).toFixed(1)} the constant endpoint; target < 50 ms)`,
			`national-average API, latest per municipality: ${fmt(averageLatest)} median (×${(averageLatest / ping).toFixed(1)})`,
			`compare page, 6 municipalities: ${fmt(compare)} median (×${(compare / ping).toFixed(1)}; target < 50 ms)`,
			`municipality page /kommuner/1883: ${fmt(municipality)} median (×${(municipality / ping).toFixed(1)}; target < 100 ms)`
		];
	} finally {
		server.kill();
		await db.drop();
	}
}
