/**
 * Results at national scale: 290 municipalities × 10 evaluations × 36 subareas (≈104 000 scores).
 * Targets: national-average API and compare page (6 municipalities) < 50 ms median, municipality
 * page < 100 ms, each reported with its ratio to a constant endpoint on the same server.
 */
import { sql } from 'kysely';
import { benchDatabase, fmt, httpMedian, startServer } from './support';

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	const { db: k } = db.opened;
	const started = performance.now();
	// Synthetic published results straight in SQL: fast to make, the same tables the app reads.
	await sql`
		WITH ev AS (
			INSERT INTO evaluation (municipality_code, year, rubric_id, status, origin)
			SELECT m.code, y, 'kommunkompassen-2020', 'publicerad', 'import'
			FROM municipality m CROSS JOIN generate_series(2030, 2039) AS y
			RETURNING id, municipality_code, year
		)
		INSERT INTO published_result (evaluation_id, version, is_current, municipality_code, year, rubric_id, total, has_subarea_scores, has_area_scores, content)
		SELECT id, 1, true, municipality_code, year, 'kommunkompassen-2020', NULL, true, true,
			jsonb_build_object('rubricId', 'kommunkompassen-2020', 'municipality', jsonb_build_object('code', municipality_code, 'name', ''), 'year', year, 'evaluatedAt', NULL, 'evaluators', '[]'::jsonb, 'visit', '{}'::jsonb, 'method', '{}'::jsonb, 'scores', '{}'::jsonb, 'areas', '{}'::jsonb, 'summary', '', 'recommendations', '[]'::jsonb, 'source', NULL)
		FROM ev`.execute(k);
	const rubric = (
		await k
			.selectFrom('rubric')
			.select('definition')
			.where('id', '=', 'kommunkompassen-2020')
			.executeTakeFirstOrThrow()
	).definition as { areas: { id: string; subareas: { id: string; maxPoints: number }[] }[] };
	const subareas = rubric.areas.flatMap((a) => a.subareas.map((s) => ({ ...s, area: a.id })));
	await sql`
		INSERT INTO published_subarea_score (published_result_id, subarea_id, points)
		SELECT pr.id, s.id, floor(random() * (s.max + 1))::int
		FROM published_result pr
		CROSS JOIN (SELECT * FROM jsonb_to_recordset(${JSON.stringify(subareas.map((s) => ({ id: s.id, max: s.maxPoints })))}::jsonb) AS x(id text, max int)) s
		WHERE pr.year >= 2030`.execute(k);
	await sql`
		INSERT INTO published_area_score (published_result_id, area_id, points)
		SELECT published_result_id, split_part(subarea_id, '.', 1), sum(points) FROM published_subarea_score ps
		JOIN published_result pr ON pr.id = ps.published_result_id WHERE pr.year >= 2030
		GROUP BY published_result_id, split_part(subarea_id, '.', 1)`.execute(k);
	await sql`UPDATE published_result pr SET total = s.total FROM (SELECT published_result_id, sum(points) AS total FROM published_area_score GROUP BY published_result_id) s WHERE s.published_result_id = pr.id AND pr.year >= 2030`.execute(
		k
	);
	await sql`ANALYZE`.execute(k);
	const scores = (
		await sql<{ n: number }>`SELECT count(*) AS n FROM published_subarea_score`.execute(k)
	).rows[0].n;
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
