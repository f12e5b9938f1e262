/**
 * The rubric's questions to the municipality as files it works with: a Word document to forward
 * to the departments that answer (grouped by area, one table per subarea with room to answer), and
 * an Excel sheet with one row per question and an answer column that imports back into
 * "Kommunens svar". The rubric comes in the reader's language (rubricInLocale).
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Rubric } from '$lib/domain/rubric';
import { answerTargetId, answerTargetsOf } from '$lib/domain/sources';
import type { Locale } from '$lib/i18n';
import { translator } from '$lib/i18n/lookup';
import { heading } from '../report/docx-parts';
import type { WrittenAnswerView } from './written-answers';
import { cellText, createWorkbook, readFirstSheet, workbookBytes } from '../office/workbook';

/** Columns of the answers sheet, 1-based as exceljs counts them. */
export const answerColumns = {
	id: 1,
	subarea: 2,
	question: 3,
	answer: 4,
	/** Hidden: the saved answer's version and text when the file was made. */
	version: 5,
	original: 6
} as const;
const markerFormat = 'kommunkompassen-answers/1';

/** The questions as a Word document, for forwarding; answers already given are filled in. */
export async function buildQuestionsDocx(input: {
	rubric: Rubric;
	municipality: string;
	year: number;
	answers: WrittenAnswerView[];
	locale: Locale;
}): Promise<Uint8Array> {
	const t = translator(input.locale);
	const answered = new Map(input.answers.map((a) => [answerTargetId(a), a.answer]));
	const answerRow = (question: string, answer: string) => [
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: [
				new TableCell({
					shading: { fill: 'E8EEF4' },
					children: [new Paragraph({ children: [new TextRun({ text: question, bold: true })] })]
				})
			]
		}),
		new TableRow({
			// Room to write: about six lines.
			height: { value: 1600, rule: 'atLeast' },
			children: [
				new TableCell({
					children: [
						new Paragraph({
							children: [new TextRun({ text: t('questions.answer'), italics: true })]
						}),
						...answer.split(/\n/).map((line) => new Paragraph(line))
					]
				})
			]
		})
	];
	const children: (Paragraph | Table)[] = [
		new Paragraph({
			text: t('questions.title', { name: input.municipality, year: input.year }),
			heading: 'Title'
		}),
		new Paragraph(t('questions.intro')),
		new Paragraph(input.rubric.title)
	];
	for (const area of input.rubric.areas) {
		children.push(heading(`${area.id}. ${area.title}`, 1));
		for (const s of area.subareas) {
			children.push(heading(`${s.id} ${s.title}`, 2));
			const rows = answerTargetsOf(s).flatMap((target) =>
				answerRow(
					target.questionText
						? `${target.questionId} ${target.questionText}`
						: t('questions.wholeSubarea'),
					answered.get(answerTargetId(target)) ?? ''
				)
			);
			children.push(
				new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }),
				new Paragraph('')
			);
		}
	}
	const doc = new Document({
		title: t('questions.title', { name: input.municipality, year: input.year }),
		creator: 'Kommunkompassen',
		styles: {
			default: {
				document: {
					run: {
						font: 'Calibri',
						size: 22,
						language: { value: input.locale === 'en' ? 'en-GB' : 'sv-SE' }
					}
				}
			}
		},
		sections: [{ children }]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The questions as an Excel sheet: one row per question (or subarea without questions) with its
 * id, the answer saved so far, and in a hidden column the version of that answer, so an import
 * knows which answers changed in the toolkit since the file was made.
 */
export async function buildAnswersXlsx(input: {
	rubric: Rubric;
	evaluationId: number;
	answers: WrittenAnswerView[];
	locale: Locale;
}): Promise<Uint8Array> {
	const t = translator(input.locale);
	const { workbook, sheet } = await createWorkbook({
		sheetName: t('questions.sheetName'),
		columns: [
			{ width: 10 },
			{ width: 40 },
			{ width: 70 },
			{ width: 90 },
			{ width: 12, hidden: true },
			{ width: 12, hidden: true }
		],
		header: [
			t('questions.id'),
			t('sheet.xlsx.subarea'),
			t('questions.question'),
			t('questions.answerColumn'),
			`${markerFormat};evaluation=${input.evaluationId}`,
			''
		]
	});
	const answered = new Map(input.answers.map((a) => [answerTargetId(a), a]));
	for (const area of input.rubric.areas)
		for (const s of area.subareas)
			for (const target of answerTargetsOf(s)) {
				const id = answerTargetId(target);
				const saved = answered.get(id);
				const row = sheet.addRow([
					id,
					`${s.id} ${s.title}`,
					target.questionText ?? t('questions.wholeSubarea'),
					saved?.answer ?? '',
					saved?.rowVersion ?? 0,
					saved?.answer ?? ''
				]);
				row.getCell(answerColumns.id).numFmt = '@';
				row.getCell(answerColumns.question).alignment = { wrapText: true, vertical: 'top' };
				row.getCell(answerColumns.answer).alignment = { wrapText: true, vertical: 'top' };
			}
	return workbookBytes(workbook);
}

export interface AnswerFileRow {
	row: number;
	targetId: string;
	answer: string;
	/** The answer's version when the file was made (0: none saved then). */
	version: number;
	/** The answer's text when the file was made: the cell changed if `answer` differs. */
	original: string;
}

/** The rows of an uploaded answers file, or null when it is not one of this evaluation's. */
export async function readAnswersXlsx(
	bytes: Uint8Array,
	evaluationId: number
): Promise<AnswerFileRow[] | null> {
	const sheet = await readFirstSheet(bytes);
	if (!sheet) return null;
	const marker = cellText(sheet.getRow(1).getCell(answerColumns.version).value);
	if (marker !== `${markerFormat};evaluation=${evaluationId}`) return null;
	const rows: AnswerFileRow[] = [];
	sheet.eachRow((r, n) => {
		if (n === 1) return;
		const targetId = cellText(r.getCell(answerColumns.id).value).trim();
		if (!targetId) return;
		rows.push({
			row: n,
			targetId,
			answer: cellText(r.getCell(answerColumns.answer).value),
			version: Number(cellText(r.getCell(answerColumns.version).value)) || 0,
			original: cellText(r.getCell(answerColumns.original).value)
		});
	});
	return rows;
}
