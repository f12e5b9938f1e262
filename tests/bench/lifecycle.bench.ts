/**
 * The slow lifecycle actions (issue 15, item 3): a stage move (kalibrering ⇄ faktagranskning) and
 * publishing, each as the browser sends it (a form POST with `x-sveltekit-action`) to the built
 * server, signed in as the coordinator, plus the page's reload of its data that follows (what
 * the user waits for). Target: each answers well under 0.5 s.
 */
import { benchDatabase, fmt, startServer } from './support';
import { createEvaluation } from '../../src/lib/server/evaluations/evaluations';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { createUser } from '../../src/lib/server/accounts/users';
import { systemActor } from '../../src/lib/server/accounts/audit';
import { listSubareas } from '../../src/lib/domain/rubric';

const password = 'bänk-lösenord-2026!';

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	const k = db.opened.db;
	await createUser(k, systemActor, {
		email: 'bench-samordnare@test.se',
		name: 'Bänk Samordnare',
		role: 'coordinator',
		password
	});
	const rubric = await getRubricOrThrow(k, 'kommunkompassen-2020');
	// One evaluation to move back and forth, one to publish and reopen: each fully agreed.
	const ready = async (municipalityCode: string, status: 'kalibrering' | 'faktagranskning') => {
		const id = await createEvaluation(k, systemActor, {
			municipalityCode,
			year: 2031,
			rubricId: rubric.id,
			teamUserIds: [],
			contactUserId: null,
			visitStart: null,
			visitEnd: null
		});
		await k.updateTable('evaluation').set({ status }).where('id', '=', id).execute();
		await k
			.insertInto('agreed_score')
			.values(
				listSubareas(rubric).map((s) => ({
					evaluation_id: id,
					subarea_id: s.id,
					points: Math.floor(s.maxPoints / 2),
					justification: `Bänk ${s.id}`
				}))
			)
			.execute();
		return id;
	};
	const moveId = await ready('0180', 'kalibrering');
	const publishId = await ready('1480', 'faktagranskning');

	const port = 5400 + Math.floor(Math.random() * 100);
	const server = await startServer(db, port);
	const origin = `http://localhost:${port}`;
	try {
		const signIn = await fetch(`${origin}/logga-in`, {
			method: 'POST',
			headers: {
				origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email: 'bench-samordnare@test.se', password }),
			redirect: 'manual'
		});
		const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
		if (signIn.status !== 303 || !cookie)
			throw new Error(`sign-in: ${signIn.status} ${(await signIn.text()).slice(0, 3000)}`);
		const post = async (path: string, fields: Record<string, string>) => {
			const started = performance.now();
			const response = await fetch(`${origin}${path}`, {
				method: 'POST',
				headers: {
					origin,
					cookie,
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams(fields)
			});
			const body = (await response.json()) as { type: string; data?: string };
			const ms = performance.now() - started;
			if (body.type !== 'success') throw new Error(`${path}: ${JSON.stringify(body)}`);
			return ms;
		};
		/** What the page does after an enhanced action: reload its data (invalidateAll). */
		const reload = async (path: string) => {
			const started = performance.now();
			const response = await fetch(`${origin}${path}/__data.json?x-sveltekit-invalidated=11`, {
				headers: { cookie }
			});
			if (!response.ok) throw new Error(`${path}: ${response.status}`);
			await response.arrayBuffer();
			return performance.now() - started;
		};
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
		const rounds = 9;
		const forward: number[] = [];
		const back: number[] = [];
		const publish: number[] = [];
		for (let i = 0; i <= rounds; i++) {
			const f =
				(await post(`/utvarderingar/${moveId}?/move`, { to: 'faktagranskning', confirm: 'on' })) +
				(await reload(`/utvarderingar/${moveId}`));
			const b =
				(await post(`/utvarderingar/${moveId}?/move`, { to: 'kalibrering' })) +
				(await reload(`/utvarderingar/${moveId}`));
			const p =
				(await post(`/utvarderingar/${publishId}?/publish`, { confirmOpen: 'on' })) +
				(await reload(`/utvarderingar/${publishId}`));
			// Reopening puts it back in faktagranskning for the next round (not timed).
			await post(`/utvarderingar/${publishId}?/reopen`, { reason: 'Bänkens nästa varv.' });
			if (i === 0) continue; // warm-up
			forward.push(f);
			back.push(b);
			publish.push(p);
		}
		const verdict = (ms: number) => (ms < 500 ? 'met' : 'NOT met');
		return [
			`database: ${db.label}`,
			`stage move forward (kalibrering → faktagranskning): median ${fmt(median(forward))}, max ${fmt(Math.max(...forward))} (n=${rounds}) — target < 500 ms: ${verdict(median(forward))}`,
			`stage move back (faktagranskning → kalibrering): median ${fmt(median(back))}, max ${fmt(Math.max(...back))} (n=${rounds}) — target < 500 ms: ${verdict(median(back))}`,
			`publish (full ${listSubareas(rubric).length}-subarea evaluation): median ${fmt(median(publish))}, max ${fmt(Math.max(...publish))} (n=${rounds}) — target < 500 ms: ${verdict(median(publish))}`
		];
	} finally {
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		await db.drop();
	}
}
