/**
 * The save path under load (issue 18, item 5): the built server on PostgreSQL, 50 evaluators with
 * their own sessions, two per evaluation as in reality, each saving blind scores of its own sheet
 * through the same form action the browser's autosave posts to.
 *   1. /api/v1/ping from the same client at the same concurrency (the constant endpoint);
 *   2. 50 evaluators saving in a loop — target ≥ 4 × 318 saves/s, p99 < 100 ms;
 *   3. a realistic load: 50 evaluators autosaving every 2 s — target p99 < 50 ms;
 * then checks in the database that nothing acknowledged was lost: every score holds the last
 * value acknowledged for it, its row_version counts its acknowledged saves, and there is one
 * audit row per acknowledged save. PostgreSQL only (set TEST_DATABASE_URL).
 */
import { parse } from 'devalue';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import {
	benchDatabase,
	loadLine,
	loadTest,
	loadTestOn,
	pct,
	startServer,
	type LoadRequest
} from './support';
import { createSession } from '../../src/lib/server/auth/session';

const evaluators = 50;
const loopMs = Number(process.env.BENCH_SAVE_MS ?? 20_000);
const realisticMs = Number(process.env.BENCH_REALISTIC_MS ?? 20_000);

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	if (!db.url) {
		await db.drop();
		return ['skipped: set TEST_DATABASE_URL (PostgreSQL) for this benchmark'];
	}
	const k = db.opened.db;
	const rubric = JSON.parse(readFileSync('rubric/kommunkompassen-2020.json', 'utf8')) as {
		areas: { subareas: { id: string; maxPoints: number }[] }[];
	};
	const subareas = rubric.areas.flatMap((a) => a.subareas);
	const codes = (
		await k.selectFrom('municipality').select('code').orderBy('code').limit(25).execute()
	).map((m) => m.code);
	const users = await k
		.insertInto('app_user')
		.values(
			Array.from({ length: evaluators }, (_, i) => ({
				email: `bench-${i}@example.se`,
				name: `Bench ${i}`,
				role: 'evaluator' as const,
				municipality_code: null,
				password_hash: 'not-a-hash',
				must_change_password: false
			}))
		)
		.returning('id')
		.execute();
	const evaluations = await k
		.insertInto('evaluation')
		.values(
			codes.map((code) => ({
				municipality_code: code,
				year: 2031,
				rubric_id: 'kommunkompassen-2020',
				status: 'poangsattning' as const
			}))
		)
		.returning('id')
		.execute();
	const now = new Date();
	await k
		.insertInto('evaluation_member')
		.values(
			users.map((u, i) => ({
				evaluation_id: evaluations[Math.floor(i / 2)].id,
				user_id: u.id,
				no_conflict_declared_at: now
			}))
		)
		.execute();
	const clients = await Promise.all(
		users.map(async (u, i) => ({
			userId: u.id,
			evaluationId: evaluations[Math.floor(i / 2)].id,
			cookie: `session=${(await createSession(k, u.id)).token}`,
			saves: 0,
			/** Per subarea: the version the next save is based on, the last acknowledged value. */
			scores: new Map<string, { version: number; acked: string | null; ackedSaves: number }>()
		}))
	);

	const port = 4470;
	const origin = `http://localhost:${port}`;
	const server = await startServer(db, port).catch(async (e) => {
		await db.drop();
		throw e;
	});
	const save = (c: number): LoadRequest => {
		const client = clients[c];
		const subarea = subareas[client.saves++ % subareas.length];
		const score = client.scores.get(subarea.id) ?? { version: 0, acked: null, ackedSaves: 0 };
		client.scores.set(subarea.id, score);
		const points = String(client.saves % (subarea.maxPoints + 1));
		const justification = `Motivering ${client.saves}: kommunen visar ${subarea.id} i sina styrdokument och uppföljningar.`;
		return {
			method: 'POST',
			path: `/utvarderingar/${client.evaluationId}/poang?/save`,
			headers: {
				origin,
				cookie: client.cookie,
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({
				subareaId: subarea.id,
				points,
				justification,
				version: String(score.version)
			}).toString()
		};
	};
	const acknowledge = (c: number, req: LoadRequest, status: number, body: string) => {
		if (status !== 200) return false;
		const answer = JSON.parse(body) as { type: string; data?: string };
		if (answer.type !== 'success' || !answer.data) return false;
		const data = parse(answer.data) as { subareaId: string; version: number };
		const sent = new URLSearchParams(req.body);
		const score = clients[c].scores.get(data.subareaId)!;
		score.version = data.version;
		score.acked = `${sent.get('points')}|${sent.get('justification')}`;
		score.ackedSaves++;
		return true;
	};
	const ping = () => ({ path: '/api/v1/ping' });
	try {
		// Warm-up: the server's first requests compile templates and fill the pool.
		await loadTest({ origin, clients: 10, durationMs: 2000, next: ping });
		const pingRun = await loadTestOn(server, {
			origin,
			clients: evaluators,
			durationMs: 8000,
			next: ping
		});
		const loop = await loadTestOn(server, {
			origin,
			clients: evaluators,
			durationMs: loopMs,
			next: save,
			check: acknowledge
		});
		const realistic = await loadTestOn(server, {
			origin,
			clients: evaluators,
			durationMs: realisticMs,
			pauseMs: 2000,
			next: save,
			check: acknowledge
		});

		// Nothing acknowledged was lost, and one audit row per acknowledged save.
		const stored = await k
			.selectFrom('sheet_score as s')
			.innerJoin('score_sheet as sh', 'sh.id', 's.sheet_id')
			.select(['sh.user_id', 's.subarea_id', 's.points', 's.justification', 's.row_version'])
			.execute();
		const byKey = new Map(stored.map((r) => [`${r.user_id}:${r.subarea_id}`, r]));
		let lost = 0;
		let acked = 0;
		for (const client of clients) {
			for (const [subareaId, score] of client.scores) {
				if (!score.ackedSaves) continue;
				acked += score.ackedSaves;
				const row = byKey.get(`${client.userId}:${subareaId}`);
				if (
					!row ||
					`${row.points ?? ''}|${row.justification}` !== score.acked ||
					row.row_version !== score.ackedSaves
				)
					lost++;
			}
		}
		const audit = Number(
			(
				await sql<{ n: string }>`SELECT count(*) AS n FROM audit_log
					WHERE entity = 'sheet_score' AND evaluation_id = ANY(${evaluations.map((e) => e.id)})`.execute(k)
			).rows[0].n
		);
		const target = 4 * 318;
		const loopRate = loop.requests / loop.seconds;
		return [
			`database: ${db.label}; ${evaluators} evaluators with their own sessions, 2 per evaluation, 36 subareas each`,
			loadLine(`/api/v1/ping, ${evaluators} clients in a loop`, pingRun),
			loadLine(`saves, ${evaluators} evaluators in a loop`, loop) +
				` — target ≥ ${target}/s and p99 < 100 ms: ${loopRate >= target && pct(loop.latencies, 99) < 100 ? 'met' : 'NOT met'} (×${(loopRate / (pingRun.requests / pingRun.seconds)).toFixed(2)} ping's throughput)`,
			loadLine(`saves, ${evaluators} evaluators autosaving every 2 s`, realistic) +
				` — target p99 < 50 ms: ${pct(realistic.latencies, 99) < 50 ? 'met' : 'NOT met'}`,
			`verified in the database: ${acked} acknowledged saves, ${lost} scores not holding their last acknowledged value and save count, ${audit} audit rows for sheet scores (${audit === acked ? 'one per save' : 'MISMATCH'})`
		];
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		await db.drop();
	}
}
