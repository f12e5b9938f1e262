/**
 * The national average as the API and the pages read it: precomputed in the transaction that
 * imports or publishes, each figure with its own n, no mean below three evaluations, each
 * municipality once (its latest evaluation) unless `latest=false`.
 */
import { scoresAtShare2020 } from '../helpers/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { resultRecord } from '../helpers/results';
import { importResults } from '../../src/lib/server/published/result-import';
import { cliActor } from '../../src/lib/server/accounts/audit';
import { GET } from '../../src/routes/api/v1/national-average/+server';
import { loadMunicipalityProfile } from '../../src/lib/server/results/profile';
import type { RequestEvent } from '@sveltejs/kit';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const scores = scoresAtShare2020;
const areaPoints = (p: number) =>
	Object.fromEntries(['1', '2', '3', '4', '5', '6', '7', '8'].map((a) => [a, p]));
const record = resultRecord;

async function api(query: string) {
	const url = new URL(`http://localhost/api/v1/national-average?${query}`);
	const response = await GET({
		locals: { db: t.db },
		url,
		request: new Request(url)
	} as unknown as RequestEvent & Parameters<typeof GET>[0]);
	expect(response.status).toBe(200);
	return response.json();
}

describe('national average on imported results', () => {
	it('gives areas and subareas their own n and no mean below three', async () => {
		const outcome = await importResults(t.db, cliActor, [
			// Two with subarea scores (areas and total derived), three more with area points,
			// one total only; Karlskoga twice.
			record('1883', 2018, { areaScores: areaPoints(40), total: 320 }),
			record('1883', 2022, { scores: scores(0.5) }),
			record('0180', 2022, { scores: scores(0.7) }),
			record('0115', 2021, { areaScores: areaPoints(80), total: 640 }),
			record('1481', 2021, { areaScores: areaPoints(60), total: 480 }),
			record('1270', 2022, { total: 546 })
		]);
		expect(outcome).toMatchObject({ ok: true, written: true });

		const latest = await api('rubric=kommunkompassen-2020');
		expect(latest.mode).toBe('latest');
		expect(latest.count).toBe(5);
		// Areas: 1883 (2022), 0180, 0115, 1481 – Karlskoga once, with its 2022 evaluation.
		expect(latest.areas['1'].n).toBe(4);
		// Area 1 of the subarea scores: 50 (half) and 70; 2018's 40 is not counted.
		expect(latest.areas['1'].mean).toBe((50 + 70 + 80 + 60) / 4);
		// Subareas: only two evaluations have them – not an average.
		expect(latest.subareas['1.1']).toEqual({ mean: null, n: 2 });
		expect(latest.total.n).toBe(5);

		const all = await api('rubric=kommunkompassen-2020&latest=false');
		expect(all.mode).toBe('all');
		expect(all.count).toBe(6);
		expect(all.areas['1']).toEqual({ mean: (40 + 50 + 70 + 80 + 60) / 5, n: 5 });
		expect(all.subareas['1.1']).toEqual({ mean: null, n: 2 });
	});

	it('is refreshed by the next import, in its transaction', async () => {
		const outcome = await importResults(t.db, cliActor, [
			record('0181', 2023, { scores: scores(0.6) })
		]);
		expect(outcome).toMatchObject({ ok: true, written: true });
		const latest = await api('rubric=kommunkompassen-2020');
		expect(latest.subareas['1.1']).toEqual({ mean: (10 + 14 + 12) / 3, n: 3 });
		const stored = await t.db
			.selectFrom('published_aggregate')
			.select(['kind', 'key'])
			.where('kind', '=', 'rubric')
			.execute();
		expect(stored).toContainEqual({ kind: 'rubric', key: 'kommunkompassen-2020' });
	});

	it('never shows a municipality its own score as the average of a subarea', async () => {
		const { profile } = await loadMunicipalityProfile(t.db, '1883', 'Karlskoga', null, 'sv');
		expect(profile).not.toBeNull();
		// With three evaluations behind 1.1 the mean is a real one; Karlskoga alone would be 10.
		expect(profile!.average.subareas['1.1'].n).toBe(3);
		expect(profile!.average.subareas['1.1'].mean).not.toBe(10);
		expect(profile!.average.description).toContain('Kommunens egen utvärdering ingår');
	});
});

describe('a writer that bypasses the app', () => {
	it('cannot leave a stale average: its statements drop the aggregates they touch', async () => {
		const before = await api('rubric=kommunkompassen-2020');
		// Raw SQL, as bench data or a manual fix would do: a new published total for Tomelilla.
		const { id } = await t.db
			.insertInto('evaluation')
			.values({
				municipality_code: '1270',
				year: 2030,
				rubric_id: 'kommunkompassen-2020',
				status: 'publicerad',
				origin: 'import'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('published_result')
			.values({
				evaluation_id: id,
				version: 1,
				is_current: true,
				municipality_code: '1270',
				year: 2030,
				rubric_id: 'kommunkompassen-2020',
				total: 800,
				has_subarea_scores: false,
				has_area_scores: false,
				content: JSON.stringify({})
			})
			.execute();
		const stored = await t.db
			.selectFrom('published_aggregate')
			.select('key')
			.where('key', 'in', ['kommunkompassen-2020', '1270'])
			.execute();
		expect(stored).toEqual([]);
		const after = await api('rubric=kommunkompassen-2020');
		expect(after.total.n).toBe(before.total.n);
		expect(after.total.mean).toBeGreaterThan(before.total.mean);
	});
});
