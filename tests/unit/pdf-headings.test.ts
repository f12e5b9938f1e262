/** The PDF's rule that a heading never ends a page (pdfmake's pageBreakBefore callback). */
import { describe, expect, it } from 'vitest';
import { pageFrame } from '../../src/lib/server/report/pdf-frame';
import type { ReportModel } from '../../src/lib/domain/report/model';

// The frame of any report: the rule does not depend on the report's content.
const frame = pageFrame({
	locale: 'en',
	title: 'Analysis of Karlskoga',
	municipality: { code: '1883', name: 'Karlskoga' },
	year: 2022,
	rubricTitle: 'Kommunkompassen 2020',
	author: 'SKR',
	dateIso: '2022-10-31',
	draft: false,
	generatedAt: '2022-10-31 12:00'
} as ReportModel);
const keepHeadingsWithNext = frame.pageBreakBefore;

const on = (page: number, extra: Record<string, unknown> = {}) => ({
	pageNumbers: [page],
	...extra
});
const following = (...nodes: ReturnType<typeof on>[]) => ({ getFollowingNodesOnPage: () => nodes });

describe('the PDF frame’s pageBreakBefore', () => {
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
