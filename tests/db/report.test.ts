import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestEvaluation, demoEvaluationId } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { reportPdf } from '../../src/lib/server/report/load';
import { createInterview } from '../../src/lib/server/sources/interviews';
import { systemActor } from '../../src/lib/server/accounts/audit';
import transcript from '../../src/lib/server/db/seed/reference/karlskoga-2022.json';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase({ demo: true });
});
afterAll(async () => {
	await t?.close();
});

async function pagesOf(pdf: Uint8Array): Promise<string[]> {
	const doc = await getDocumentProxy(new Uint8Array(pdf));
	const { text } = await extractText(doc, { mergePages: false });
	return (text as string[]).map((p) => p.replace(/\s+/g, ' '));
}

describe('the Karlskoga 2022 report in English', () => {
	let all: string;
	beforeAll(async () => {
		const id = await demoEvaluationId(t.db);
		const { pdf, facts } = await reportPdf(t.db, id, 'en');
		expect(facts.draft).toBe(false);
		all = (await pagesOf(pdf)).join(' ');
	});

	it("has the report's own words and the rubric's titles in English, with the same total", () => {
		for (const words of [
			'Analysis of Karlskoga',
			'1 What is Kommunkompassen?',
			'2 Karlskoga compared with the others that have done Kommunkompassen',
			'3 Detailed review per area',
			'4 Overview of the points',
			'Interplay between elected representatives and citizens',
			'Total points: 536 of 800',
			'Municipality average'
		]) {
			expect(all).toContain(words);
		}
		for (const swedish of [
			'Vad är Kommunkompassen',
			'Total poäng',
			'Samspel mellan förtroendevalda och medborgare',
			'Sida ',
			'Uppnått'
		]) {
			expect(all).not.toContain(swedish);
		}
	});

	it('leaves the Swedish PDF in the cache untouched (one cached PDF per version)', async () => {
		const id = await demoEvaluationId(t.db);
		const swedish = (await pagesOf((await reportPdf(t.db, id, 'sv')).pdf)).join(' ');
		expect(swedish).toContain('Analys av Karlskoga');
		expect(swedish).not.toContain('Analysis of');
	});
});

describe('the Karlskoga 2022 report (golden)', () => {
	let pages: string[];
	let all: string;
	beforeAll(async () => {
		const id = await demoEvaluationId(t.db);
		const { pdf } = await reportPdf(t.db, id);
		pages = await pagesOf(pdf);
		all = pages.join(' ');
	});

	it('has the cover, the four sections and a page count in the stated range (25–45)', () => {
		expect(pages.length).toBeGreaterThanOrEqual(25);
		expect(pages.length).toBeLessThanOrEqual(45);
		expect(pages[0]).toContain('Analys av Karlskoga');
		for (const heading of [
			'1 Vad är Kommunkompassen?',
			'2 Karlskoga i förhållande till övriga som gjort Kommunkompassen',
			'3 Detaljerad genomgång per område',
			'4 Översikt av poängfördelning'
		]) {
			expect(all).toContain(heading);
		}
		expect(pages[pages.length - 1]).toContain(`Sida ${pages.length} av ${pages.length}`);
	});

	it('prints every subarea score, the computed area sums (62 and 65, not 61/64) and 536', () => {
		const overview = pages
			.slice(pages.findIndex((p) => p.includes('4 Översikt av poängfördelning')))
			.join(' ');
		for (const area of transcript.areas) {
			expect(all).toContain(area.title);
			for (const s of area.subareas)
				expect(overview).toMatch(
					new RegExp(`${s.number.replace('.', '\\.')} [^0-9]*${s.achieved} ${s.max}`)
				);
		}
		expect(all).toContain('4. Effektivitet – 62 av 100 poäng');
		expect(all).toContain('6. Kvalitetsutveckling – 65 av 100 poäng');
		expect(all).not.toContain('Effektivitet – 61 av 100');
		expect(overview).toContain('Total poäng: 536 av 800');
	});

	it('marks gold stars with the word guldstjärna beside the drawn star, and is no draft', () => {
		const golden = transcript.areas.flatMap((a) => a.strengths.filter((s) => s.goldStar));
		expect(golden.length).toBeGreaterThan(0);
		expect(all.match(/Guldstjärna:/g)?.length).toBe(golden.length);
		expect(all).toContain(golden[0].text.slice(0, 40));
		expect(all).not.toContain('UTKAST');
	});

	it('is byte-identical on every download (cached per published version)', async () => {
		const id = await demoEvaluationId(t.db);
		const a = await reportPdf(t.db, id);
		// The cached report is found in one statement, before any report model is built.
		let statements = 0;
		const counted = t.db.withPlugin({
			transformQuery: (args) => {
				statements++;
				return args.node;
			},
			transformResult: async (args) => args.result
		});
		const b = await reportPdf(counted, id);
		expect(Buffer.from(a.pdf).equals(Buffer.from(b.pdf))).toBe(true);
		expect(statements).toBe(1);
		expect(b.facts).toEqual({ municipality: 'Karlskoga', year: 2022, draft: false });
	});
});

describe('a draft report', () => {
	it('carries UTKAST on every page, lists what is missing, shows "ej bedömd" and never interview notes', async () => {
		const evaluator = await createUser(t.db, { role: 'evaluator' });
		const id = await createTestEvaluation(t.db, {
			municipalityCode: '0180',
			teamUserIds: [evaluator.id],
			visitStart: '2026-03-02',
			visitEnd: '2026-03-04'
		});
		await t.db
			.insertInto('agreed_score')
			.values({
				evaluation_id: id,
				subarea_id: '1.1',
				points: 12,
				justification: 'Tydlig strategi'
			})
			.execute();
		await createInterview(t.db, systemActor, id, {
			heldOn: '2026-03-02',
			group: 'fortroendevalda',
			peopleCount: 3,
			interviewer: 'E',
			intervieweeNames: 'Anna Andersson',
			notes: 'HEMLIG-ANTECKNING om budgeten'
		});
		const { pdf } = await reportPdf(t.db, id);
		const pages = await pagesOf(pdf);
		expect(pages.length).toBeGreaterThan(3);
		for (const page of pages) expect(page).toContain('UTKAST');
		expect(pages[0]).toContain('Ej bedömt ännu (35 delområden)');
		const all = pages.join(' ');
		expect(all).toContain('1.2 Kommunens information till medborgarna: ej bedömd av 10');
		expect(all).toContain('1.1 Strategi för demokratiutveckling och information: 12 av 20');
		expect(all).not.toContain('HEMLIG-ANTECKNING');
		expect(all).not.toContain('Anna Andersson');
		expect(all).toContain('Förtroendevalda');
	});
});
