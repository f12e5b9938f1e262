/**
 * The gap has something to compare against (issue 28, point 3): the kommunsnitt where it rests on
 * enough evaluations, otherwise the registered reference average named as such, otherwise a
 * sentence — never a legend entry without a line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { createReferenceAverage } from '../../src/lib/server/published/reference-averages';
import { systemActor } from '../../src/lib/server/accounts/audit';
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

describe('the self-assessment’s table (XLSX and PDF appendix)', () => {
	it('has the gap, the evaluators’ column and the reference average per area, typed', async () => {
		const { createSelfAssessment } =
			await import('../../src/lib/server/self-assessment/self-assessments');
		const { createUser } = await import('../helpers/users');
		const { loadSelfAssessmentTable } =
			await import('../../src/lib/server/results/self-assessment-table');
		const { renderSelfAssessmentAppendix } =
			await import('../../src/lib/server/report/self-assessment-appendix');
		const { checkPdfUa } = await import('../helpers/pdfua-check');
		const kim = await createUser(t.db, { role: 'municipality', municipalityCode: '1883' });
		const id = await createSelfAssessment(t.db, kim, rubric, {
			municipalityCode: '1883',
			rubricId: rubric.id,
			name: 'Ledningsgruppen',
			assessedOn: '2026-11-30',
			memberUserIds: [kim.id]
		});
		const scope = {
			id,
			name: 'Ledningsgruppen',
			municipalityCode: '1883',
			assessedOn: '2026-11-30'
		};
		const sv = await loadSelfAssessmentTable(t.db, scope, 'Karlskoga', rubric, 'sv');
		expect(sv.header).toContain('Sverigesnitt (SKR) april 2021');
		const area1 = sv.rows.find((r) => r.area && r.cells[0] === '1')!;
		expect(typeof area1.cells[6]).toBe('number');
		expect(sv.rows.filter((r) => !r.area)).toHaveLength(
			rubric.areas.flatMap((a) => a.subareas).length
		);
		const en = await loadSelfAssessmentTable(t.db, scope, 'Karlskoga', rubric, 'en');
		expect(en.title).toContain('self-assessment');
		// The PDF appendix is tagged like the report: it passes the same PDF/UA checker, its header
		// row is column headers and the reference average is named in it.
		const pdf = await renderSelfAssessmentAppendix(en, 'en');
		const checked = await checkPdfUa(new Uint8Array(pdf), {
			lang: 'en-GB',
			title: en.title,
			roles: ['Document', 'H1', 'P', 'Table', 'TR', 'TH', 'TD'],
			bookmarks: false
		});
		expect(checked.failures).toEqual([]);
		const tree = checked.outline.join('\n');
		expect(tree).toMatch(/^\s*H1 "/m);
		// (The header wraps; the outline joins its two lines without a space.)
		expect(tree).toMatch(/TH "Sverigesnitt \(SKR\) ?april 2021"/);
	}, 120_000);
});
