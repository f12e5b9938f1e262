/**
 * The report PDF's layout and links (issues 26 and 28): the bar chart is BarChart.svelte's own
 * drawing, no page ends with a heading (in Swedish and English), and the Karlskoga 2022 report
 * and its 2026 re-evaluation link to each other as far as the reader may see them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDocumentProxy } from 'unpdf';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { sessionUser } from '../helpers/session-user';
import { checkPdfUa } from '../helpers/pdfua-check';
import { loadReportModel, reportPdf } from '../../src/lib/server/report/load';
import { reportDocDefinition } from '../../src/lib/server/report/pdf';
import { renderBarsSvg } from '../../src/lib/server/results/charts';
import { reportBars } from '../../src/lib/domain/charts/bars';
import { createEvaluation } from '../../src/lib/server/evaluations/evaluations';
import { publishEvaluation } from '../../src/lib/server/published/publishing';
import { systemActor } from '../../src/lib/server/accounts/audit';
import type { Locale } from '../../src/lib/i18n';

let t: TestDatabase;
let karlskoga: number;
beforeAll(async () => {
	t = await createTestDatabase({ demo: true });
	karlskoga = (
		await t.db
			.selectFrom('evaluation')
			.select('id')
			.where('municipality_code', '=', '1883')
			.where('year', '=', 2022)
			.executeTakeFirstOrThrow()
	).id;
});
afterAll(async () => {
	await t?.close();
});

/** Each page's text lines, top to bottom (pdf.js items grouped by their baseline). */
async function pageLines(pdf: Uint8Array): Promise<string[][]> {
	const doc = await getDocumentProxy(new Uint8Array(pdf));
	const pages: string[][] = [];
	for (let p = 1; p <= doc.numPages; p++) {
		const content = await (await doc.getPage(p)).getTextContent();
		const rows = new Map<number, { x: number; s: string }[]>();
		for (const item of content.items) {
			if (!('str' in item) || !item.str.trim()) continue;
			const y = Math.round(item.transform[5]);
			rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4], s: item.str }]);
		}
		pages.push(
			[...rows.entries()]
				.sort(([a], [b]) => b - a)
				.map(([, items]) =>
					items
						.sort((a, b) => a.x - b.x)
						.map((i) => i.s)
						.join(' ')
						.replace(/\s+/g, ' ')
						.trim()
				)
		);
	}
	return pages;
}

/** Every heading's text in the document definition (nodes with a headline level). */
function headingTexts(node: unknown, out: string[] = []): string[] {
	if (Array.isArray(node)) for (const n of node) headingTexts(n, out);
	else if (node && typeof node === 'object') {
		const n = node as Record<string, unknown>;
		if (n.headlineLevel !== undefined && typeof n.text === 'string') out.push(n.text);
		for (const key of ['content', 'stack', 'columns']) if (key in n) headingTexts(n[key], out);
	}
	return out;
}

describe('the report PDF', { timeout: 600_000 }, () => {
	it('draws its bar chart with BarChart.svelte, legend in the reader’s language', async () => {
		const { model } = await loadReportModel(t.db, karlskoga, 'en');
		// The bar chart is a Figure of its own; the radar's Figure sits in a stack with its heading.
		type Node = { tag?: string; svg?: string; alt?: string; stack?: Node[] };
		const content = reportDocDefinition(model).content as Node[];
		const figures = content
			.flatMap((n) => [n, ...(n.stack ?? [])])
			.filter((n) => n.tag === 'Figure');
		expect(figures).toHaveLength(2);
		const expected = renderBarsSvg(
			{
				items: reportBars(model),
				title: 'Points per area',
				referenceLabel: model.comparison.averageLabel,
				width: 640
			},
			'en'
		);
		expect(figures[0].svg).toBe(expected);
		// Karlskoga's average is withheld (n = 2 per area): the legend names only what is drawn.
		expect(expected).toContain('>Achieved</text>');
		expect(expected).not.toContain(model.comparison.averageLabel);
		// Nor does the alternative text compare with it; it says why it is missing.
		for (const alt of figures.map((f) => f.alt ?? '')) {
			expect(alt).not.toContain('compared with');
			expect(alt).toContain('Municipality average is not drawn: too few evaluations.');
		}
	});

	for (const locale of ['sv', 'en'] as Locale[]) {
		it(`ends no page with a heading (${locale})`, async () => {
			const { model } = await loadReportModel(t.db, karlskoga, locale);
			const headings = headingTexts(reportDocDefinition(model)).map((h) =>
				h.replace(/\s+/g, ' ').trim()
			);
			expect(headings.length).toBeGreaterThan(40);
			const { pdf } = await reportPdf(t.db, karlskoga, locale);
			const pages = await pageLines(pdf);
			const endings = pages.slice(1).map((lines) => {
				// The last line is the page number (an artifact); the one before ends the content.
				const body = lines.filter((l) => !/^(Sida|Page) \d+ (av|of) \d+$/.test(l));
				return body.at(-1) ?? '';
			});
			const orphans = endings.filter(
				(last) => last.length > 0 && headings.some((h) => h === last || h.endsWith(` ${last}`))
			);
			expect(orphans).toEqual([]);
			// Section 2's heading starts the page its method text is on.
			const s2 = pages.findIndex((lines) => lines.some((l) => /^2 Karlskoga/.test(l)));
			expect(pages[s2].findIndex((l) => /^2 Karlskoga/.test(l))).toBeLessThan(pages[s2].length - 3);
		});
	}
});

describe('the 2022 report and its 2026 re-evaluation', { timeout: 600_000 }, () => {
	let followUp: number;
	const coordinator = sessionUser(9_001, 'coordinator');

	beforeAll(async () => {
		// The Swedish PDF cached before the follow-up exists, to see it rendered again later.
		await reportPdf(t.db, karlskoga, 'sv', 'https://kommunkompassen.example');
		followUp = await createEvaluation(t.db, systemActor, {
			municipalityCode: '1883',
			year: 2026,
			rubricId: 'kommunkompassen-2020',
			teamUserIds: [],
			contactUserId: null,
			visitStart: '2026-10-05',
			visitEnd: '2026-10-07',
			previousEvaluationId: karlskoga
		});
	});

	it('names an unpublished follow-up only to a reader who may see it', async () => {
		const anonymous = (await loadReportModel(t.db, karlskoga, 'sv')).model;
		expect(anonymous.links).toEqual({ baseline: null, followUps: [] });
		const team = (await loadReportModel(t.db, karlskoga, 'sv', { user: coordinator })).model;
		expect(team.links.followUps).toEqual([
			expect.objectContaining({ year: 2026, href: `/utvarderingar/${followUp}`, published: false })
		]);
		// The re-evaluation's draft names the published report it follows up.
		const draft = (await loadReportModel(t.db, followUp, 'en', { user: coordinator })).model;
		expect(draft.links.baseline).toMatchObject({
			year: 2022,
			href: '/kommuner/1883/2022/rapport',
			published: true
		});
		const { pdf } = await reportPdf(t.db, karlskoga, 'sv', 'https://kommunkompassen.example');
		expect((await pageLines(pdf)).flat().join('\n')).not.toContain('2026');
	});

	it('links both ways once the follow-up is published, in the page model and the PDF', async () => {
		const agreed = await t.db
			.selectFrom('agreed_score')
			.select(['subarea_id', 'points', 'justification'])
			.where('evaluation_id', '=', karlskoga)
			.execute();
		await t.db
			.insertInto('agreed_score')
			.values(agreed.map((a) => ({ ...a, evaluation_id: followUp, updated_by: null })))
			.execute();
		await t.db
			.updateTable('evaluation')
			.set({ status: 'faktagranskning' })
			.where('id', '=', followUp)
			.execute();
		await publishEvaluation(t.db, systemActor, followUp);

		const anonymous = (await loadReportModel(t.db, karlskoga, 'en')).model;
		expect(anonymous.links.followUps).toEqual([
			{
				year: 2026,
				href: '/kommuner/1883/2026/rapport',
				url: expect.stringMatching(/\/kommuner\/1883\/2026\/rapport$/),
				published: true
			}
		]);
		const origin = 'https://kommunkompassen.example';
		// The Swedish PDF cached before the publication is rendered again, now naming 2026.
		const svPdf = (await reportPdf(t.db, karlskoga, 'sv', origin)).pdf;
		const sv = (await pageLines(svPdf)).flat();
		expect(sv).toContain('Utvärderingen har följts upp 2026.');
		expect(sv.join('\n')).toMatch(/Rapporten 2026: \S+\/kommuner\/1883\/2026\/rapport/);
		const enPdf = (await reportPdf(t.db, followUp, 'en', origin)).pdf;
		const back = (await pageLines(enPdf)).flat();
		expect(back).toContain('This evaluation follows up the 2022 evaluation.');
		expect(back.join('\n')).toMatch(/The 2022 report: \S+\/kommuner\/1883\/2022\/rapport/);
		// The links are tagged (Link with its annotation): both PDFs still pass the PDF/UA checker.
		const checked = await checkPdfUa(svPdf, { lang: 'sv-SE' });
		expect(checked.failures).toEqual([]);
		expect(checked.outline.join('\n')).toMatch(/Link "Rapporten 2026: /);
		expect((await checkPdfUa(enPdf, { lang: 'en-GB', partLang: 'sv-SE' })).failures).toEqual([]);
	});
});
