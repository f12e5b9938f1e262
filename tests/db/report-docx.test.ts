import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import JSZip from 'jszip';
import { createTestEvaluation, demoEvaluationId } from '../helpers/evaluations';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { reportDocx } from '../../src/lib/server/report/docx-file';

let t: TestDatabase;
let karlskoga: number;
beforeAll(async () => {
	t = await createTestDatabase({ demo: true });
	karlskoga = await demoEvaluationId(t.db);
});
afterAll(async () => {
	await t?.close();
});

/** The document as Word's parser-of-record in the tests sees it: headings by their Word style. */
async function read(docx: Uint8Array) {
	const buffer = Buffer.from(docx);
	const { value: html } = await mammoth.convertToHtml({ buffer });
	const zip = await JSZip.loadAsync(buffer);
	const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
	const headings = (tag: string) =>
		[...html.matchAll(new RegExp(`<${tag}[^>]*>(.*?)</${tag}>`, 'g'))].map((x) =>
			x[1].replace(/<[^>]+>/g, '')
		);
	const text = (await mammoth.extractRawText({ buffer })).value.replace(/\s+/g, ' ');
	return { html, text, zip, part, h1: headings('h1'), h2: headings('h2'), h3: headings('h3') };
}

describe('the Karlskoga 2022 report as Word', () => {
	let doc: Awaited<ReturnType<typeof read>>;
	beforeAll(async () => {
		const { docx, facts } = await reportDocx(t.db, karlskoga, 'sv');
		expect(facts).toEqual({ municipality: 'Karlskoga', year: 2022, draft: false });
		doc = await read(docx);
	});

	it('has the four sections as Heading 1 and the eight areas as Heading 2, in the PDF order', () => {
		expect(doc.h1).toEqual([
			'1 Vad är Kommunkompassen?',
			'2 Karlskoga i förhållande till övriga som gjort Kommunkompassen',
			'3 Detaljerad genomgång per område',
			'4 Översikt av poängfördelning'
		]);
		const areas = doc.h2.filter((h) => /^\d\. .* – \d+ av \d+ poäng$/.test(h));
		expect(areas).toHaveLength(8);
		expect(areas[0]).toMatch(
			/^1\. Samspel mellan förtroendevalda och medborgare – \d+ av 100 poäng$/
		);
		// The computed sums, not the hand-typed 61 and 64 of the printed report.
		expect(areas[3]).toMatch(/– 62 av 100 poäng$/);
		expect(areas[5]).toMatch(/– 65 av 100 poäng$/);
		expect(doc.h3).toContain('Allmänt');
		expect(doc.h3.filter((h) => h === 'Styrkor')).toHaveLength(8);
	});

	it('states the total, in section 2 and after the overview', () => {
		expect(doc.text.match(/Total poäng: 536 av 800/g)).toHaveLength(2);
	});

	it('holds real tables with header rows, and both charts as images with alt text', async () => {
		const body = await doc.part('word/document.xml');
		// 8 overview tables + the bars' and the radar's tables, at least.
		expect((body.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(10);
		expect((body.match(/<w:tblHeader\/>/g) ?? []).length).toBeGreaterThanOrEqual(10);
		const pictures = [...body.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((x) => x[1]);
		expect(pictures).toHaveLength(2);
		expect(pictures[0]).toContain('Poäng per område');
		expect(pictures[0]).toContain('6. Kvalitetsutveckling: 65 av 100');
		expect(pictures[1]).toContain('Profil per område');
		expect(Object.keys(doc.zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(2);
		// The charts' tables: the bars' values and the radar's series.
		expect(doc.html).toContain('<thead><tr><th><p><strong>Område</strong></p></th>');
	});

	it('sets the document language, title and author, and has a table of contents', async () => {
		const styles = await doc.part('word/styles.xml');
		expect(styles).toContain('w:lang w:val="sv-SE"');
		const core = await doc.part('docProps/core.xml');
		expect(core).toContain('<dc:title>Kommunkompassen – Analys av Karlskoga</dc:title>');
		expect(core).toMatch(/<dc:creator>[^<]+<\/dc:creator>/);
		const body = await doc.part('word/document.xml');
		expect(body.includes('TOC \\h \\o &quot;1-3&quot;')).toBe(true);
	});

	it('is byte-identical on every download (cached per published version)', async () => {
		const a = await reportDocx(t.db, karlskoga, 'sv');
		const b = await reportDocx(t.db, karlskoga, 'sv');
		expect(Buffer.from(a.docx).equals(Buffer.from(b.docx))).toBe(true);
		const cached = await t.db
			.selectFrom('report_docx_cache')
			.select('published_result_id')
			.execute();
		expect(cached).toHaveLength(1);
	});

	it('in English: the words in English, the evaluators’ texts marked Swedish', async () => {
		const en = await read((await reportDocx(t.db, karlskoga, 'en')).docx);
		expect(en.h1[0]).toBe('1 What is Kommunkompassen?');
		expect(en.text).toContain('Total points: 536 of 800');
		expect(await en.part('word/styles.xml')).toContain('w:lang w:val="en-GB"');
		expect(await en.part('word/document.xml')).toContain('<w:lang w:val="sv-SE"/>');
	});
});

describe('a draft report as Word', () => {
	it('says UTKAST in the header and the title, and shows "ej bedömd"', async () => {
		const evaluator = await createUser(t.db, { role: 'evaluator' });
		const id = await createTestEvaluation(t.db, {
			municipalityCode: '0180',
			teamUserIds: [evaluator.id],
			visitStart: '2026-03-02',
			visitEnd: '2026-03-04'
		});
		const { docx, facts } = await reportDocx(t.db, id);
		expect(facts.draft).toBe(true);
		const doc = await read(docx);
		const headers = await Promise.all(
			Object.keys(doc.zip.files)
				.filter((f) => /^word\/header\d*\.xml$/.test(f))
				.map((f) => doc.part(f))
		);
		expect(headers.join('')).toContain('UTKAST');
		expect(await doc.part('docProps/core.xml')).toContain('(utkast)');
		expect(doc.text).toContain('1.2 Kommunens information till medborgarna: ej bedömd av 10');
		expect(doc.h2.filter((h) => /^\d\. /.test(h))).toHaveLength(8);
	});
});
