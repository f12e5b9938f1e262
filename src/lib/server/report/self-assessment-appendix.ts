/**
 * The self-assessment as a PDF appendix: its table (results/self-assessment-table.ts) as pdfmake
 * content, in its own file so the report's PDF builder can take the content as a section and
 * this file can render it alone for the download.
 */
import type { SelfAssessmentTable } from '../results/self-assessment-table';
import { renderPdf } from './pdfmake';
import type { Locale } from '$lib/i18n';

const text = (v: unknown) => (v === null || v === undefined ? '–' : String(v));

/** The appendix's pdfmake content: heading, notes, and the table with a repeated header row. */
export function selfAssessmentAppendixContent(table: SelfAssessmentTable) {
	const numeric = new Set([2, 3, 4, 5, 6]);
	return [
		{ text: table.title, style: 'h1', headlineLevel: 1 },
		...table.notes.map((note) => ({ text: note, style: 'muted', margin: [0, 0, 0, 4] })),
		{
			table: {
				headerRows: 1,
				dontBreakRows: true,
				widths: [28, '*', 24, 32, 40, 32, 40, '*'],
				body: [
					table.header.map((h, i) => ({
						text: h,
						style: 'th',
						alignment: numeric.has(i) ? 'right' : 'left'
					})),
					...table.rows.map((row) =>
						row.cells.map((cell, i) => ({
							text: text(cell),
							bold: row.area,
							alignment: numeric.has(i) ? 'right' : 'left'
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
		language: locale === 'en' ? 'en-GB' : 'sv-SE',
		info: { title: table.title, creator: 'Kommunkompassen' },
		defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.2 },
		styles: {
			h1: { fontSize: 15, bold: true, color: '#00457c', margin: [0, 0, 0, 6] },
			muted: { color: '#4a4f57', fontSize: 9 },
			th: { bold: true }
		},
		content: selfAssessmentAppendixContent(table)
	});
}
