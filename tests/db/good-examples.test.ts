/**
 * The good-examples library (issue 33): published strengths only, found in any inflection, case
 * and with or without å/ä/ö, gold stars first; imports carry their strengths (with an optional
 * subarea); an erratum changes the library in its own transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEvaluationId } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import {
	findGoodExamples,
	goodExamplesQuerySchema
} from '../../src/lib/server/results/good-examples';
import { importResults } from '../../src/lib/server/published/result-import';
import { publishEvaluation, reopenEvaluation } from '../../src/lib/server/published/publishing';
import { parseResultsFile } from '../../src/lib/domain/results-file';
import { cliActor, systemActor } from '../../src/lib/server/accounts/audit';
import { scoresAtShare2020 } from '../helpers/rubric';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase({ demo: true });
});
afterAll(async () => {
	await t?.close();
});

const search = (filters: Record<string, unknown>) =>
	findGoodExamples(t.db, goodExamplesQuerySchema.parse(filters), 'sv');
const goldStar = 'Bra systematik för medborgardialog';

describe('good examples', () => {
	it.each([
		'medborgardialog',
		'medborgardialogen',
		'medborgardialoger',
		'MEDBORGARDIALOG',
		'Medborgardialogerna'
	])('finds Karlskoga’s gold star for %s', async (q) => {
		const { examples } = await search({ q });
		const hit = examples.find((e) => e.text.startsWith(goldStar));
		expect(hit).toMatchObject({
			municipality: { code: '1883', name: 'Karlskoga' },
			year: 2022,
			goldStar: true,
			area: { id: '1' },
			href: '/kommuner/1883/2022/rapport#omrade-1'
		});
		expect(hit!.areaPoints).toBeGreaterThan(0);
		expect(hit!.average.n).toBeGreaterThan(0);
	});

	it('finds words with or without å/ä/ö, in any case', async () => {
		const withMarks = await search({ q: 'frågestund' });
		const without = await search({ q: 'FRAGESTUND' });
		expect(withMarks.examples.map((e) => e.text)).toContain(
			'Öppna och direktsända KF-möten och Eftersnack samt Allmänhetens frågestund två gånger per år.'
		);
		expect(without.examples.map((e) => e.text)).toEqual(withMarks.examples.map((e) => e.text));
	});

	it('puts gold stars first, then by the area points', async () => {
		const { examples, total } = await search({ limit: 500 });
		expect(total).toBe(examples.length);
		const firstPlain = examples.findIndex((e) => !e.goldStar);
		expect(firstPlain).toBeGreaterThan(0);
		expect(examples.slice(firstPlain).every((e) => !e.goldStar)).toBe(true);
	});

	it('never shows a draft’s strengths', async () => {
		const draft = await t.db
			.selectFrom('evaluation')
			.select('id')
			.where('status', '<>', 'publicerad')
			.executeTakeFirstOrThrow();
		await t.db
			.insertInto('strength')
			.values({
				evaluation_id: draft.id,
				area_id: '1',
				text: 'Hemlig utkaststyrka om medborgardialog'
			})
			.execute();
		const { examples } = await search({ q: 'utkaststyrka' });
		expect(examples).toEqual([]);
	});

	it('carries an imported result’s strengths, with their subarea, and filters by it', async () => {
		const parsed = parseResultsFile(
			JSON.stringify({
				format: 'kommunkompassen-result/1',
				rubric: 'kommunkompassen-2020',
				municipality: { code: '0114' },
				year: 2023,
				scores: scoresAtShare2020(0.7),
				strengths: {
					'1': [
						{
							text: 'Medborgardialoger följs upp med effektmätning',
							goldStar: true,
							subarea: '1.2'
						}
					]
				},
				improvements: { '1': ['Fler dialoger', { text: 'Dialog med unga', subarea: '1.3' }] }
			})
		);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const outcome = await importResults(t.db, cliActor, parsed.records);
		expect(outcome.ok).toBe(true);
		const { examples } = await search({ q: 'effektmätningar', subarea: '1.2' });
		expect(examples).toHaveLength(1);
		expect(examples[0]).toMatchObject({
			municipality: { code: '0114' },
			subarea: { id: '1.2' },
			goldStar: true
		});
		expect((await search({ q: 'effektmätning', subarea: '1.1' })).examples).toEqual([]);
	});

	it('refuses an import whose strength names a subarea of another area', async () => {
		const parsed = parseResultsFile(
			JSON.stringify({
				format: 'kommunkompassen-result/1',
				rubric: 'kommunkompassen-2020',
				municipality: { code: '0115' },
				year: 2023,
				scores: scoresAtShare2020(0.5),
				strengths: { '1': [{ text: 'Fel delområde', subarea: '2.1' }] }
			})
		);
		const outcome = parsed.ok ? await importResults(t.db, cliActor, parsed.records) : parsed;
		expect(outcome.ok).toBe(false);
		expect(JSON.stringify(outcome)).toContain('not a subarea of area 1');
	});

	it('shows only municipalities that score higher in the area', async () => {
		const { examples } = await search({ area: '1', betterThan: '1883', limit: 500 });
		const karlskoga = (await search({ q: 'medborgardialog' })).examples[0].areaPoints!;
		expect(examples.every((e) => e.municipality.code !== '1883')).toBe(true);
		expect(examples.every((e) => (e.areaPoints ?? 0) > karlskoga)).toBe(true);
	});

	it('changes with an erratum in the same transaction', async () => {
		const id = await demoEvaluationId(t.db);
		await reopenEvaluation(t.db, systemActor, id, 'En styrka var felskriven');
		await t.db
			.updateTable('strength')
			.set({ text: 'Bra systematik för medborgardialog och rättad text' })
			.where('evaluation_id', '=', id)
			.where('text', 'like', `${goldStar}%`)
			.execute();
		// Still the published version until the erratum is published.
		expect((await search({ q: 'rättad' })).examples).toEqual([]);
		await publishEvaluation(t.db, systemActor, id);
		const after = await search({ q: 'medborgardialog' });
		expect(after.examples.map((e) => e.text)).toContain(
			'Bra systematik för medborgardialog och rättad text'
		);
		expect(after.examples.some((e) => e.text.startsWith(`${goldStar}, inte minst`))).toBe(false);
	});
});
