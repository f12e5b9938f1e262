/**
 * The self-assessment as a PDF appendix for the council: its table (results/self-assessment-table.ts,
 * the same rows as the page and the XLSX) as a tagged PDF/UA document like the report
 * (pdf-tagging.ts): H1, the notes as paragraphs, a Table whose header cells are column headers,
 * the group's comments marked Swedish in the English appendix.
 */
import type { SelfAssessmentTable } from '../results/self-assessment-table';
import { reportLang } from './pdf-frame';
import { renderPdf } from './pdfmake';
import type { Locale } from '$lib/i18n';

const text = (v: unknown) => (v === null || v === undefined ? '–' : String(v));

/** The appendix's pdfmake content: heading, notes, and the table with a repeated header row. */
function selfAssessmentAppendixContent(table: SelfAssessmentTable, locale: Locale) {
	const numeric = new Set([2, 3, 4, 5, 6]);
	const comment = table.header.length - 1;
	// The group writes in Swedish; only in the English appendix is that a part in another language.
	const commentLang = locale === 'en' ? { lang: reportLang('sv') } : {};
	return [
		{ text: table.title, style: 'h1', tag: 'H1' },
		...table.notes.map((note) => ({ text: note, style: 'muted', tag: 'P', margin: [0, 0, 0, 4] })),
		{
			tag: 'Table',
			table: {
				headerRows: 1,
				dontBreakRows: true,
				widths: [28, '*', 24, 32, 40, 32, 40, '*'],
				body: [
					table.header.map((h, i) => ({
						text: h,
						style: 'th',
						scope: 'Column',
						alignment: numeric.has(i) ? 'right' : 'left'
					})),
					...table.rows.map((row) =>
						row.cells.map((cell, i) => ({
							text: text(cell),
							bold: row.area,
							alignment: numeric.has(i) ? 'right' : 'left',
							...(i === comment && cell ? commentLang : {})
						}))
					)
				]
			},
			layout: 'lightHorizontalLines',
			fontSize: 8,
			margin: [0, 6, 0, 0]
		}
	];
}

/** The appendix alone, as a PDF of its own. */
export function renderSelfAssessmentAppendix(table: SelfAssessmentTable, locale: Locale) {
	return renderPdf({
		pageSize: 'A4',
		pageOrientation: 'landscape',
		pageMargins: [40, 40, 40, 40],
		language: reportLang(locale),
		version: '1.7',
		tagged: true,
		subset: 'PDF/UA',
		displayTitle: true,
		info: { title: table.title, creator: 'Kommunkompassen', producer: 'Kommunkompassen (pdfmake)' },
		defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
		styles: {
			h1: { fontSize: 15, bold: true, color: '#00457c', margin: [0, 0, 0, 6] },
			muted: { color: '#4a4f57', fontSize: 9 },
			th: { bold: true }
		},
		content: selfAssessmentAppendixContent(table, locale)
	});
}
