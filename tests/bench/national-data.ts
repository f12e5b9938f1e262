/**
 * Bench data at national scale: every municipality in the database (the 290 of
 * ../shared/reference/municipalities.json, seeded at start-up) × 10 published evaluations on
 * the 2020 rubric (years 2030–2039) with random subarea scores, their area sums and totals —
 * about 104 000 subarea scores, written straight in SQL into the tables the app reads.
 * Returns the number of subarea scores in the database afterwards.
 */
import { sql } from 'kysely';
import type { Database } from '../../src/lib/server/db';

/** Strengths as evaluators write them, for the good-examples bench (`texts: true`). */
const strengthPhrases = [
	'Bra systematik för medborgardialog, inte minst för unga',
	'Medborgardialogerna följs upp och återkopplas till deltagarna',
	'Tydlig styrmodell med få och mätbara mål',
	'Öppna och direktsända möten i kommunfullmäktige',
	'Systematisk uppföljning av verksamhetens kvalitet',
	'Jämförelser med andra kommuner används i analysen',
	'Väl fungerande samverkan med näringslivet',
	'Gemensam värdegrund som är känd i organisationen',
	'Chefer får stöd i ledarskapet genom ett chefsprogram',
	'Klagomål och synpunkter tas om hand systematiskt',
	'Digitala e-tjänster som invånarna använder',
	'Hållbarhetsarbetet är kopplat till budgeten'
];

export async function seedNationalResults(
	k: Database,
	options: { texts?: boolean } = {}
): Promise<number> {
	// Each area's strengths: three phrases with the municipality's name, one in ten a gold star.
	const areas = options.texts
		? sql`(SELECT jsonb_object_agg(a::text, jsonb_build_object('general', '', 'narratives', '{}'::jsonb, 'improvements', '[]'::jsonb,
				'strengths', (SELECT jsonb_agg(jsonb_build_object('text', (${strengthPhrases}::text[])[1 + (floor(random() * ${strengthPhrases.length})::int + s) % ${strengthPhrases.length}] || ' i ' || (SELECT name FROM municipality WHERE code = municipality_code), 'goldStar', random() < 0.1)) FROM generate_series(1, 3) AS s)))
			FROM generate_series(1, 8) AS a)`
		: sql`'{}'::jsonb`;
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
			jsonb_build_object('rubricId', 'kommunkompassen-2020', 'municipality', jsonb_build_object('code', municipality_code, 'name', (SELECT name FROM municipality WHERE code = municipality_code)), 'year', year, 'evaluatedAt', NULL, 'evaluators', '[]'::jsonb, 'visit', '{}'::jsonb, 'method', '{}'::jsonb, 'scores', '{}'::jsonb, 'areas', ${areas}, 'summary', '', 'recommendations', '[]'::jsonb, 'source', NULL)
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
	return (await sql<{ n: number }>`SELECT count(*) AS n FROM published_subarea_score`.execute(k))
		.rows[0].n;
}
