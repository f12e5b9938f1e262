import { describe, expect, it } from 'vitest';
import { parseInline, parseRichText } from '../../src/lib/domain/rich-text';

const plain = (text: string) => ({ text, bold: false });

describe('narrative text as paragraphs and lists', () => {
	it('gives no blocks for empty or blank text', () => {
		expect(parseRichText('')).toEqual([]);
		expect(parseRichText(' \n\n \t\n')).toEqual([]);
	});

	it('starts a paragraph at a blank line and keeps a single line break inside one', () => {
		expect(parseRichText('Första stycket.\nSamma stycke.\n\n  \nAndra stycket.')).toEqual([
			{ kind: 'paragraph', runs: [plain('Första stycket.\nSamma stycke.')] },
			{ kind: 'paragraph', runs: [plain('Andra stycket.')] }
		]);
	});

	it('reads Windows line endings like any other', () => {
		expect(parseRichText('Ett\r\n\r\nTvå')).toHaveLength(2);
	});

	it('makes a list of lines starting with "- ", "* " or "• ", after an introducing line', () => {
		expect(parseRichText('Kommunen har:\n- en vision\n* mål\n• en budget')).toEqual([
			{ kind: 'paragraph', runs: [plain('Kommunen har:')] },
			{ kind: 'list', items: [[plain('en vision')], [plain('mål')], [plain('en budget')]] }
		]);
	});

	it('continues an item on an indented line and ends the list at an unindented one', () => {
		expect(parseRichText('- första\n  fortsätter\n- andra\nEfter listan.')).toEqual([
			{ kind: 'list', items: [[plain('första\nfortsätter')], [plain('andra')]] },
			{ kind: 'paragraph', runs: [plain('Efter listan.')] }
		]);
	});

	it('does not take a hyphen without a space, a dash line or bold at line start for a bullet', () => {
		for (const text of ['-5 grader', '---', '**Viktigt** först']) {
			expect(parseRichText(text)[0].kind).toBe('paragraph');
		}
	});

	it('draws no empty bullet for a marker with nothing after it', () => {
		expect(parseRichText('- ett\n- \n- två')).toEqual([
			{ kind: 'list', items: [[plain('ett')], [plain('två')]] }
		]);
	});

	it('marks **bold** runs, also inside list items, and leaves an unmatched ** as written', () => {
		expect(parseInline('Det är **mycket bra** och **inte')).toEqual([
			plain('Det är '),
			{ text: 'mycket bra', bold: true },
			plain(' och **inte')
		]);
		expect(parseRichText('* **Styrka:** tydlig')).toEqual([
			{ kind: 'list', items: [[{ text: 'Styrka:', bold: true }, plain(' tydlig')]] }
		]);
		expect(parseInline('** inte fet **')).toEqual([plain('** inte fet **')]);
	});

	it('keeps HTML and script as literal text, never as markup', () => {
		const text = '<script>alert(1)</script>\n\n- <img src=x onerror=alert(1)>\n- **<b>fet</b>**';
		expect(parseRichText(text)).toEqual([
			{ kind: 'paragraph', runs: [plain('<script>alert(1)</script>')] },
			{
				kind: 'list',
				items: [[plain('<img src=x onerror=alert(1)>')], [{ text: '<b>fet</b>', bold: true }]]
			}
		]);
	});

	it('reads the Karlskoga 2022 style: an introduction, a blank line, then dash items', () => {
		const blocks = parseRichText(
			'De bygger på kommunens principer:\n\n- Delaktighet och förståelse.\n- Inflytande.\n\nDärför …'
		);
		expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
	});
});
