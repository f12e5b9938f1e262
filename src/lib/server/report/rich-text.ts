/**
 * A narrative as pdfmake nodes: the blocks of parseRichText as paragraphs (`text`) and bulleted
 * lists (`ul`), the same blocks the HTML report draws. Pure.
 */
import { parseRichText, type TextRun } from '$lib/domain/rich-text';

const inline = (runs: TextRun[]) =>
	runs.map((r) => (r.bold ? { text: r.text, bold: true } : r.text));

export function richTextNodes(text: string, style = 'body'): unknown[] {
	return parseRichText(text).map((block) =>
		block.kind === 'list'
			? { ul: block.items.map((item) => ({ text: inline(item) })), style }
			: { text: inline(block.runs), style }
	);
}
