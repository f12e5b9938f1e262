/**
 * The pieces the Word documents are made of (the report, the questions for the municipality):
 * headings in Word's Heading styles, tables with header rows, narratives, bullets and charts as
 * PNG with alternative text. Nothing here reads the database.
 */
import {
	AlignmentType,
	HeadingLevel,
	ImageRun,
	Paragraph,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TextRun,
	WidthType,
	type ParagraphChild
} from 'docx';
import { parseRichText, type TextRun as RichRun } from '$lib/domain/rich-text';
import { svgToPng } from '../platform/fonts';

/** A run's language for Word (`w:lang`), where it is not the document's. */
type RunLanguage = { value: string };

/**
 * An evaluator's text's own language for Word (`w:lang`), where it is not the document's: a
 * strength written in English in a Swedish report, say.
 */
export const ownLanguage = (lang: string, locale: string): RunLanguage | undefined =>
	lang === locale ? undefined : { value: lang === 'en' ? 'en-GB' : lang === 'sv' ? 'sv-SE' : lang };

export type Block = Paragraph | Table | TableOfContents;

export const ORDERED = 'report-ordered';

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A chart as an inline PNG `width` pixels wide (at 96 dpi) with its alternative text. */
export async function chartImage(
	svg: string,
	width: number,
	alt: { title: string; description: string }
) {
	const png = await svgToPng(svg, width * 2);
	const size = pngSize(png);
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		children: [
			new ImageRun({
				type: 'png',
				data: png,
				transformation: { width, height: Math.round((size.height / size.width) * width) },
				altText: { name: alt.title, title: alt.title, description: alt.description }
			})
		]
	});
}

export const cell = (
	text: string,
	options: { bold?: boolean; right?: boolean; lang?: RunLanguage } = {}
) =>
	new TableCell({
		children: [
			new Paragraph({
				alignment: options.right ? AlignmentType.RIGHT : undefined,
				children: [
					new TextRun({
						text,
						bold: options.bold,
						language: options.lang
					})
				]
			})
		]
	});

/** A Word table whose first row is a header row (repeated on every page, read as headers). */
export function table(
	header: string[],
	rows: string[][],
	options: {
		rightFrom?: number;
		boldLast?: boolean;
		/** Columns of the team's texts, and their language where it is not the document's. */
		authored?: { columns: number[]; lang: RunLanguage | undefined };
	} = {}
): Table {
	const rightFrom = options.rightFrom ?? header.length;
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				children: header.map((h, i) => cell(h, { bold: true, right: i >= rightFrom }))
			}),
			...rows.map(
				(row, r) =>
					new TableRow({
						cantSplit: true,
						children: row.map((text, i) =>
							cell(text, {
								right: i >= rightFrom,
								bold: options.boldLast && r === rows.length - 1,
								lang: options.authored?.columns.includes(i) ? options.authored.lang : undefined
							})
						)
					})
			)
		]
	});
}

export const runsOf = (runs: RichRun[], lang?: RunLanguage): ParagraphChild[] =>
	runs.map((r) => new TextRun({ text: r.text, bold: r.bold, language: lang }));

/** A narrative's blocks (parseRichText, as the PDF and HTML read them) as paragraphs and bullets. */
export function richText(text: string, lang?: RunLanguage): Paragraph[] {
	if (!text.trim()) return [new Paragraph('–')];
	return parseRichText(text).flatMap((block) =>
		block.kind === 'list'
			? block.items.map(
					(item) => new Paragraph({ bullet: { level: 0 }, children: runsOf(item, lang) })
				)
			: [new Paragraph({ children: runsOf(block.runs, lang) })]
	);
}

export const plainParagraphs = (text: string, lang?: RunLanguage) =>
	text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => new Paragraph({ children: [new TextRun({ text: p, language: lang })] }));

export const bullets = (items: string[], lang?: RunLanguage) =>
	(items.length ? items : ['–']).map(
		(text) =>
			new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text, language: lang })] })
	);

export const heading = (text: string, level: 1 | 2 | 3) =>
	new Paragraph({
		text,
		heading:
			level === 1
				? HeadingLevel.HEADING_1
				: level === 2
					? HeadingLevel.HEADING_2
					: HeadingLevel.HEADING_3
	});
