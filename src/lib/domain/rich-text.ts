/**
 * The narratives' small Markdown subset (Allmänt, the subarea narratives, the summary) as a block
 * model that the HTML report (Svelte) and the PDF (pdfmake) both draw, so the two can never read
 * the same text differently:
 *
 * - a blank line starts a new paragraph; a single line break stays a line break;
 * - lines starting with "- ", "* " or "• " form a bulleted list ("•" because SKR's own reports,
 *   and texts pasted from them, use it); an indented line right after an item continues it;
 * - `**bold**` marks bold; an unmatched `**` stays as written.
 *
 * Everything else is text: nothing here is HTML, and nothing the user writes becomes markup.
 */

/** A piece of text with one look. */
export interface TextRun {
	text: string;
	bold: boolean;
}

export type RichBlock =
	{ kind: 'paragraph'; runs: TextRun[] } | { kind: 'list'; items: TextRun[][] };

const bullet = /^[ \t]{0,3}[-*•][ \t]+(.*)$/;
const indented = /^[ \t]+\S/;
const bold = /\*\*(?=\S)([\s\S]*?\S)\*\*/g;

/** Splits a text into its runs: bold between `**…**`, plain elsewhere. */
export function parseInline(text: string): TextRun[] {
	const runs: TextRun[] = [];
	let at = 0;
	for (const match of text.matchAll(bold)) {
		if (match.index > at) runs.push({ text: text.slice(at, match.index), bold: false });
		runs.push({ text: match[1], bold: true });
		at = match.index + match[0].length;
	}
	if (at < text.length) runs.push({ text: text.slice(at), bold: false });
	return runs;
}

/** Parses a narrative into paragraphs and bulleted lists. Pure; empty text gives no blocks. */
export function parseRichText(text: string): RichBlock[] {
	const blocks: RichBlock[] = [];
	const chunks = text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((chunk) => chunk.replace(/^\n+|\s+$/g, ''))
		.filter((chunk) => chunk.trim() !== '');
	for (const chunk of chunks) {
		let paragraph: string[] = [];
		let items: string[] = [];
		const endParagraph = () => {
			if (paragraph.length)
				blocks.push({ kind: 'paragraph', runs: parseInline(paragraph.join('\n').trim()) });
			paragraph = [];
		};
		const endList = () => {
			if (items.length) blocks.push({ kind: 'list', items: items.map((i) => parseInline(i)) });
			items = [];
		};
		for (const line of chunk.split('\n')) {
			const item = bullet.exec(line);
			if (item) {
				endParagraph();
				// A marker with nothing after it yet (the evaluator is typing) draws no empty bullet.
				if (item[1].trim()) items.push(item[1].trim());
			} else if (items.length && indented.test(line)) {
				items[items.length - 1] += `\n${line.trim()}`;
			} else {
				endList();
				paragraph.push(line);
			}
		}
		endParagraph();
		endList();
	}
	return blocks;
}
