import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluationId } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { listLatestTotals } from '../../src/lib/server/published/results';
import type { EvaluationContent } from '../../src/lib/domain/evaluation-content';
import { loadReportModel } from '../../src/lib/server/report/load';
import { loadMunicipalityProfile } from '../../src/lib/server/results/profile';
import { publishEvaluation, reopenEvaluation } from '../../src/lib/server/published/publishing';
import { systemActor } from '../../src/lib/server/accounts/audit';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase({ demo: true });
});
afterAll(async () => {
	await t?.close();
});

describe('demo data', () => {
	it('holds Karlskoga 2022 in full: 536 points, computed areas 62 and 65, findings', async () => {
		const result = await t.db
			.selectFrom('published_result')
			.select(['id', 'total', 'content', 'version'])
			.where('municipality_code', '=', '1883')
			.where('year', '=', 2022)
			.where('is_current', '=', true)
			.executeTakeFirstOrThrow();
		expect(result.total).toBe(536);
		expect(result.version).toBe(1);
		const areas = await t.db
			.selectFrom('published_area_score')
			.select(['area_id', 'points'])
			.where('published_result_id', '=', result.id)
			.execute();
		const byArea = Object.fromEntries(areas.map((a) => [a.area_id, a.points]));
		expect(byArea['4']).toBe(62);
		expect(byArea['6']).toBe(65);
		const content = result.content as EvaluationContent;
		expect(content.areas['1'].strengths.some((s) => s.goldStar)).toBe(true);
		expect(content.areas['1'].general.length).toBeGreaterThan(100);
		expect(content.recommendations).toHaveLength(6);
		expect(content.summary).toContain('Karlskoga');
	});

	it('imports the other published results without duplicating Karlskoga 2022', async () => {
		const all = await t.db
			.selectFrom('published_result')
			.select(['municipality_code', 'year', 'rubric_id'])
			.where('is_current', '=', true)
			.execute();
		expect(all).toHaveLength(15);
		const latest = await listLatestTotals(t.db);
		expect(latest.find((m) => m.code === '0115')).toMatchObject({ year: 2021, total: 648 });
		const refs = await t.db.selectFrom('reference_average').select('name').execute();
		expect(refs.map((r) => r.name)).toEqual(['Sverigesnitt (SKR) april 2021']);
	});

	it('dates and describes the Karlskoga 2022 report from the data, not from the day of loading', async () => {
		const evaluation_id = await demoEvaluationId(t.db);
		const { model } = await loadReportModel(t.db, evaluation_id);
		expect(model.date).toBe('31 oktober 2022');
		expect(model.method.description).not.toContain('första utvärdering');
		expect(model.method.history).toBe(
			'Det här är kommunens andra utvärdering enligt Kommunkompassen; den förra gjordes 2014 enligt 2010 års version.'
		);
	});

	it('shows Karlskoga no average made of itself: too few evaluations, with their n', async () => {
		const { profile } = await loadMunicipalityProfile(t.db, '1883', 'Karlskoga', null, 'sv');
		expect(profile?.average.subareas['1.1']).toEqual({ mean: null, n: 1 });
		// Areas: Karlskoga and Vallentuna on the 2020 version.
		expect(profile?.average.areas['1']).toBeNull();
		expect(profile?.average.areaN?.['1']).toBe(2);
		const avg = profile?.radar.series.find((s) => s.id === 'avg');
		expect(avg?.drawn).toBe(false);
		// Kommunsnitt of the totals: Karlskoga 536, Vallentuna 648, Tomelilla 546 (latest only).
		expect(profile?.average.total).toEqual({ mean: (536 + 648 + 546) / 3, n: 3 });
	});

	it('refreshes the precomputed profile and averages in the erratum’s own transaction', async () => {
		const id = await demoEvaluationId(t.db);
		await reopenEvaluation(t.db, systemActor, id, 'Delområde 1.1 var felräknat i rapporten');
		await t.db
			.updateTable('agreed_score')
			.set({ points: 17 })
			.where('evaluation_id', '=', id)
			.where('subarea_id', '=', '1.1')
			.execute();
		await publishEvaluation(t.db, systemActor, id);
		// Read the stored rows themselves: nothing is computed on this read.
		const rows = await t.db
			.selectFrom('published_aggregate')
			.select(['kind', 'key', 'data'])
			.where((eb) =>
				eb.or([
					eb.and([eb('kind', '=', 'municipality'), eb('key', '=', '1883')]),
					eb.and([eb('kind', '=', 'rubric'), eb('key', '=', 'kommunkompassen-2020')])
				])
			)
			.execute();
		const municipality = rows.find((r) => r.kind === 'municipality')!.data as {
			results: { year: number; total: number; version: number }[];
		};
		expect(municipality.results.find((r) => r.year === 2022)).toMatchObject({
			total: 538,
			version: 2
		});
		const rubric = rows.find((r) => r.kind === 'rubric')!.data as {
			averages: { latest: { total: { mean: number; n: number } } };
		};
		expect(rubric.averages.latest.total).toEqual({ mean: (538 + 648 + 546) / 3, n: 3 });
	});

	it('credits SKR, not the demo team, for Karlskoga 2022, and marks its texts as Swedish', async () => {
		const evaluation_id = await demoEvaluationId(t.db);
		const { model } = await loadReportModel(t.db, evaluation_id, 'en');
		expect(model.credit).toEqual({
			kind: 'publisher',
			name: 'Sveriges Kommuner och Regioner, 2022'
		});
		expect(model.author).toBe('Sveriges Kommuner och Regioner, 2022');
		expect(model.evaluators).toEqual([]);
		expect(model.textLang).toBe('sv');
		expect(model.areas[0].strengths[0].lang).toBe('sv');
		expect(model.areas[0].subareas[0].lang).toBe('sv');
		// An imported result is credited to its publisher too (SKL before its renaming).
		const imported = await t.db
			.selectFrom('evaluation')
			.select(['year', 'credited_author'])
			.where('origin', '=', 'import')
			.execute();
		expect(imported.length).toBeGreaterThan(0);
		for (const e of imported)
			expect(e.credited_author).toBe(
				`${e.year <= 2019 ? 'Sveriges Kommuner och Landsting' : 'Sveriges Kommuner och Regioner'}, ${e.year}`
			);
	});
});
