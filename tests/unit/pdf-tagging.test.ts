import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/lib/server/report/pdfmake';
import { checkPdfUa } from '../helpers/pdfua-check';
import { withUntaggedLine } from '../helpers/pdf-inject';

const svg =
	'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50" fill="#00457c"/><text x="10" y="30" font-family="Roboto">42</text></svg>';

/** A small document with every role the report uses, in the layer's vocabulary. */
const definition = (tagged: boolean) => ({
	pageSize: 'A5',
	language: 'en-GB',
	version: '1.7',
	tagged,
	subset: tagged ? 'PDF/UA' : undefined,
	displayTitle: tagged,
	info: { title: 'A tagged test' },
	watermark: { text: 'DRAFT', opacity: 0.1 },
	header: () => ({ text: 'Running header', margin: [20, 10, 20, 0] }),
	footer: (page: number, pages: number) => ({
		text: `Page ${page} of ${pages}`,
		alignment: 'center'
	}),
	content: [
		{ text: 'Contents', tag: 'H1' },
		{ toc: {}, tag: 'TOC' },
		{ text: 'One', tag: 'H1', id: 'one', outline: true, tocItem: true, pageBreak: 'before' },
		'A paragraph without a tag becomes a P.',
		{ text: 'Ett stycke på svenska.', lang: 'sv-SE' },
		{ text: ['English, then ', { text: 'svenska', lang: 'sv-SE' }, '.'] },
		{ text: 'Two', tag: 'H2', id: 'two', outline: true, outlineParentId: 'one', tocItem: true },
		{ tag: 'L', ul: ['first', 'second'] },
		{ tag: 'L', ol: ['one', { text: 'två', lang: 'sv-SE' }] },
		{
			tag: 'Table',
			table: {
				headerRows: 1,
				body: [
					['Area', 'Points'],
					['Democracy', '42']
				]
			}
		},
		{ svg, width: 100, tag: 'Figure', alt: 'A blue box with the number 42.' },
		{ svg, width: 20 },
		...Array.from({ length: 40 }, (_, i) => `Filler paragraph ${i + 1} to reach a second page.`)
	]
});

describe('the tagging layer over pdfmake', { timeout: 60_000 }, () => {
	it('tags every text, gives the roles, alt, language of parts and the PDF/UA identification', async () => {
		const pdf = await renderPdf(definition(true));
		const report = await checkPdfUa(new Uint8Array(pdf), {
			lang: 'en-GB',
			title: 'A tagged test',
			partLang: 'sv-SE'
		});
		expect(report.failures).toEqual([]);
		const tree = report.outline.join('\n');
		expect(tree).toContain('P [sv-SE] "Ett stycke på svenska."');
		expect(tree).toContain('Figure alt="A blue box with the number 42."');
		expect(tree).toMatch(/TOC\n\s+TOCI\n\s+Link "One/);
		expect(tree).toMatch(/LI\n\s+Lbl "1\."\n\s+LBody "one"/);
		expect(tree).toMatch(/TR\n\s+TH "Area"\n\s+TH "Points"/);
		// The running header, footer, watermark and the untagged (decorative) svg are artifacts.
		expect(tree).not.toContain('Running header');
		expect(tree).not.toContain('Page 1');
		expect(report.pages).toBeGreaterThan(2);
	});

	it('keeps the header row of a table that runs over pages in its TH, and repeats it as an artifact', async () => {
		const pdf = await renderPdf({
			pageSize: 'A6',
			language: 'en-GB',
			version: '1.7',
			tagged: true,
			subset: 'PDF/UA',
			displayTitle: true,
			info: { title: 'A long table' },
			content: [
				{ text: 'A long table', tag: 'H1' },
				{
					tag: 'Table',
					table: {
						headerRows: 1,
						dontBreakRows: true,
						body: [
							['Area', 'Points'],
							...Array.from({ length: 40 }, (_, i) => [`Row ${i}`, `${i}`])
						]
					}
				}
			]
		});
		const report = await checkPdfUa(new Uint8Array(pdf), {
			lang: 'en-GB',
			roles: ['Document', 'H1', 'Table', 'TR', 'TH', 'TD'],
			bookmarks: false
		});
		expect(report.failures).toEqual([]);
		expect(report.pages).toBeGreaterThan(1);
		const tree = report.outline.join('\n');
		// Once in the structure, on the first page: the repeats on later pages are artifacts.
		expect(tree).toMatch(/TR\n\s+TH "Area"\n\s+TH "Points"/);
		expect(tree.match(/TH "Area"/g)).toHaveLength(1);
	});

	it('leaves an untagged definition as pdfmake draws it, and the checker refuses it', async () => {
		const pdf = await renderPdf(definition(false));
		const { failures } = await checkPdfUa(new Uint8Array(pdf), { lang: 'en-GB' });
		expect(failures).toContain('catalog: /MarkInfo /Marked is not true');
		expect(failures.some((f) => /^content: \d+ text-showing operator/.test(f))).toBe(true);
		expect(failures).toContain('XMP: no pdfuaid:part 1');
	});

	it('refuses a tagged PDF with one untagged line of text added', async () => {
		const pdf = await renderPdf(definition(true));
		const { failures } = await checkPdfUa(withUntaggedLine(new Uint8Array(pdf)), {
			lang: 'en-GB',
			partLang: 'sv-SE'
		});
		expect(failures).toEqual([
			'content: 1 text-showing operator(s) outside tagged content and artifacts'
		]);
	});
});
