/**
 * The gap has something to compare against (issue 28, point 3): the kommunsnitt where it rests on
 * enough evaluations, otherwise the registered reference average named as such, otherwise a
 * sentence — never a legend entry without a line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { getRubricOrThrow } from '../../src/lib/server/repositories/rubrics';
import { createReferenceAverage } from '../../src/lib/server/repositories/reference-averages';
import { systemActor } from '../../src/lib/server/repositories/audit';
import { loadGap } from '../../src/lib/server/results/self-assessment-gap';
import type { Rubric } from '../../src/lib/domain/rubric';

let t: TestDatabase;
let rubric: Rubric;
let agreed: Record<string, number>;
beforeAll(async () => {
	t = await createTestDatabase();
	rubric = await getRubricOrThrow(t.db, 'kommunkompassen-2020');
	agreed = Object.fromEntries(
		rubric.areas.flatMap((a) => a.subareas.map((s) => [s.id, Math.floor(s.maxPoints / 2)]))
	);
});
afterAll(async () => {
	await t?.close();
});

const gap = (locale: 'sv' | 'en' = 'sv') =>
	loadGap(t.db, { municipalityCode: '1883', assessedOn: '2026-11-30' }, rubric, agreed, locale);

describe('the gap’s average', () => {
	it('says in a sentence that there is none, with no empty legend entry', async () => {
		const g = await gap();
		expect(g.comparison.kind).toBe('none');
		expect(g.comparison.note).toMatch(/inget snitt/);
		expect(g.radar.series.map((s) => s.id)).toEqual(['self']);
	});

	it('shows the reference average, named as such, when the kommunsnitt is withheld', async () => {
		await createReferenceAverage(t.db, systemActor, {
			name: 'Sverigesnitt (SKR) april 2021',
			rubricId: rubric.id,
			asOf: '2021-04-01',
			source: 'SKR',
			areaScores: Object.fromEntries(rubric.areas.map((a) => [a.id, Math.round(a.maxPoints / 2)]))
		});
		const g = await gap();
		expect(g.comparison.kind).toBe('reference');
		const avg = g.radar.series.find((s) => s.id === 'avg')!;
		expect(avg.label).toBe('Sverigesnitt (SKR) april 2021');
		expect(Object.values(avg.values).every((v) => typeof v === 'number')).toBe(true);
		expect(g.comparison.note).toContain('Sverigesnitt (SKR) april 2021');
		expect((await gap('en')).comparison.note).toMatch(/reference average/);
	});
});
