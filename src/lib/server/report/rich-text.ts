/**
 * A narrative as pdfmake nodes: the blocks of parseRichText as paragraphs (`text`, tagged P) and
 * bulleted lists (`ul`, tagged L), the same blocks the HTML report draws. `lang` marks a text in
 * another language than the report (language of parts in the tagged PDF). Pure.
 */
import { parseRichText, type TextRun } from '$lib/domain/rich-text';

const inline = (runs: TextRun[]) =>
	runs.map((r) => (r.bold ? { text: r.text, bold: true } : r.text));

export function richTextNodes(text: string, style = 'body', lang?: string): unknown[] {
	const language = lang ? { lang } : {};
	return parseRichText(text).map((block) =>
		block.kind === 'list'
			? { ul: block.items.map((item) => ({ text: inline(item) })), style, tag: 'L', ...language }
			: { text: inline(block.runs), style, tag: 'P', ...language }
	);
}

/** Plain text as tagged paragraphs (blank lines part them), in `lang` where it is not the report's. */
export const paragraphs = (text: string, style = 'body', lang?: string) =>
	text
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => ({
			text: p.replace(/\n•\s*/g, '\n• '),
			style,
			tag: 'P',
			...(lang ? { lang } : {})
		}));
