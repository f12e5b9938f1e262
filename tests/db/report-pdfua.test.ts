import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEvaluation, demoEvaluationId } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { checkPdfUa } from '../helpers/pdfua-check';
import { withUntaggedLine } from '../helpers/pdf-inject';
import { loadReportModel, reportPdf } from '../../src/lib/server/report/load';
import { reportDocDefinition } from '../../src/lib/server/report/pdf';
import { renderPdf } from '../../src/lib/server/report/pdfmake';

let t: TestDatabase;
let karlskoga: number;
beforeAll(async () => {
	t = await createTestDatabase({ demo: true });
	karlskoga = await demoEvaluationId(t.db);
});
afterAll(async () => {
	await t?.close();
});

// Generous: each report is rendered in a worker thread and read page by page through pdf.js.
describe('the report as PDF/UA', { timeout: 900_000 }, () => {
	it('the Swedish Karlskoga report passes the checker, in reading order with its sections, areas, tables and charts', async () => {
		const { pdf } = await reportPdf(t.db, karlskoga, 'sv');
		const report = await checkPdfUa(pdf, {
			lang: 'sv-SE',
			title: 'Kommunkompassen – Analys av Karlskoga'
		});
		expect(report.failures).toEqual([]);
		const tree = report.outline.join('\n');
		const order = [
			'H1 "Analys av Karlskoga"',
			'H1 "Innehåll"',
			'TOC',
			'H1 "1 Vad är Kommunkompassen?"',
			'H2 "Så gjordes utvärderingen"',
			'Figure alt="Stapeldiagram över poängen för Karlskoga',
			'Figure alt="Radardiagram (profil) över poängen för Karlskoga',
			'H1 "3 Detaljerad genomgång per område"',
			'H3 "Styrkor"',
			'Span alt="★ "',
			'H1 "4 Översikt av poängfördelning"'
		].map((s) => tree.indexOf(s));
		expect(order.every((i) => i >= 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(tree).toMatch(/TR\n\s+TH "1\. Samspel mellan förtroendevalda och medborgare"/);
		// The running header and the page numbers are artifacts, not content.
		expect(tree).not.toMatch(/Sida \d+ av/);
	});

	it('the English Karlskoga report passes the checker, with the evaluators’ Swedish texts marked sv-SE', async () => {
		const { pdf } = await reportPdf(t.db, karlskoga, 'en');
		const report = await checkPdfUa(pdf, { lang: 'en-GB', partLang: 'sv-SE' });
		expect(report.failures).toEqual([]);
		const tree = report.outline.join('\n');
		expect(tree).toMatch(/H3 "General"\n\s*P \[sv-SE\] "För att stärka demokratin/);
		expect(tree).toMatch(/LBody \[sv-SE\] "Bygg styrningen/);
		expect(tree).not.toMatch(/H\d \[sv-SE\]/);
	});

	it('a draft report passes the checker, its UTKAST watermark and header being artifacts', async () => {
		const id = await createTestEvaluation(t.db, {
			municipalityCode: '0180',
			visitStart: '2026-03-02',
			visitEnd: '2026-03-04'
		});
		const { pdf, facts } = await reportPdf(t.db, id);
		expect(facts.draft).toBe(true);
		const report = await checkPdfUa(pdf, { lang: 'sv-SE' });
		expect(report.failures).toEqual([]);
		// Only the cover's note says UTKAST as content; the watermark and running header on
		// every page are artifacts.
		expect(report.outline.filter((line) => line.includes('UTKAST'))).toEqual([
			expect.stringMatching(/^ {2}P "UTKAST – skapat /)
		]);
	});

	it('the checker refuses the report as it was drawn before (untagged) and with one untagged line added', async () => {
		const { model } = await loadReportModel(t.db, karlskoga, 'sv');
		const untagged = await renderPdf({
			...reportDocDefinition(model),
			tagged: false,
			subset: undefined,
			displayTitle: false,
			version: '1.3'
		});
		const before = await checkPdfUa(new Uint8Array(untagged), { lang: 'sv-SE' });
		expect(before.failures).toContain('catalog: /MarkInfo /Marked is not true');
		expect(before.failures.some((f) => /^content: \d{4,} text-showing/.test(f))).toBe(true);

		const { pdf } = await reportPdf(t.db, karlskoga, 'sv');
		const added = await checkPdfUa(withUntaggedLine(pdf), { lang: 'sv-SE' });
		expect(added.failures).toEqual([
			'content: 1 text-showing operator(s) outside tagged content and artifacts'
		]);
	});
});
