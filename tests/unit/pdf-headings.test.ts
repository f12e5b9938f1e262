/** The PDF's rule that a heading never ends a page (pdfmake's pageBreakBefore callback). */
import { describe, expect, it } from 'vitest';
import { keepHeadingsWithNext } from '../../src/lib/server/report/pdf-frame';

const on = (page: number, extra: Record<string, unknown> = {}) => ({
	pageNumbers: [page],
	...extra
});
const following = (...nodes: ReturnType<typeof on>[]) => ({ getFollowingNodesOnPage: () => nodes });

describe('keepHeadingsWithNext', () => {
	it('moves a heading with only the running footer after it to the next page', () => {
		const footer = on(3, { style: 'running' });
		expect(keepHeadingsWithNext(on(3, { headlineLevel: 1 }), following(footer))).toBe(true);
		expect(keepHeadingsWithNext(on(3, { headlineLevel: 2 }), following())).toBe(true);
	});

	it('moves a heading followed only by headings, and one that runs over the foot', () => {
		const next = on(3, { headlineLevel: 2 });
		expect(keepHeadingsWithNext(on(3, { headlineLevel: 1 }), following(next))).toBe(true);
		expect(keepHeadingsWithNext({ pageNumbers: [3, 4], headlineLevel: 1 }, following(on(4)))).toBe(
			true
		);
	});

	it('leaves a heading with text after it on its page, and anything that is no heading', () => {
		expect(keepHeadingsWithNext(on(3, { headlineLevel: 3 }), following(on(3)))).toBe(false);
		expect(keepHeadingsWithNext(on(3), following())).toBe(false);
	});
});
