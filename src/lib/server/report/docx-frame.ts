import {
	AlignmentType,
	Footer,
	Header,
	LevelFormat,
	PageNumber,
	Paragraph,
	TextRun,
	type IPropertiesOptions
} from 'docx';
import type { ReportModel } from '$lib/domain/report/model';
import { translator } from '$lib/i18n/lookup';
import { ORDERED, type Block } from './docx-parts';

/**
 * The Word report's frame, as pdf-frame.ts is the PDF's: document properties (title, author,
 * subject, language), Word's heading styles, the numbered-list definition, the running header
 * (with UTKAST and the time for a draft) and the page-number footer.
 */
export function docxFrame(model: ReportModel, children: Block[]): IPropertiesOptions {
	const t = translator(model.locale);
	const running = `Kommunkompassen – ${model.municipality.name} ${model.year}`;
	return {
		title: model.draft ? t('report.docTitleDraft', { name: model.municipality.name }) : model.title,
		// The model's credit: the team, or the publisher of an imported or seeded report.
		creator: model.author,
		lastModifiedBy: 'Kommunkompassen',
		subject: t('report.subject', {
			name: model.municipality.name,
			year: model.year,
			rubric: model.rubricTitle
		}),
		keywords: t('report.keywords'),
		description: t('report.subject', {
			name: model.municipality.name,
			year: model.year,
			rubric: model.rubricTitle
		}),
		styles: {
			default: {
				document: {
					run: {
						font: 'Calibri',
						size: 22,
						language: { value: model.locale === 'en' ? 'en-GB' : 'sv-SE' }
					}
				},
				heading1: { run: { color: '00457C', size: 34, bold: true } },
				heading2: { run: { color: '00457C', size: 26, bold: true } },
				heading3: { run: { size: 22, bold: true } }
			}
		},
		numbering: {
			config: [
				{
					reference: ORDERED,
					levels: [
						{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }
					]
				}
			]
		},
		sections: [
			{
				headers: {
					default: new Header({
						children: [
							new Paragraph({
								children: [
									new TextRun({ text: running, size: 16, color: '4A4F57' }),
									...(model.draft
										? [
												new TextRun({
													text: `  ${t('report.draft')} ${model.generatedAt}`,
													size: 16,
													bold: true,
													color: 'B00020'
												})
											]
										: [])
								]
							})
						]
					})
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [
									new TextRun({
										children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
										size: 16,
										color: '4A4F57'
									})
								]
							})
						]
					})
				},
				children
			}
		]
	};
}
