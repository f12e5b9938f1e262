/**
 * The report's page frame: A4 margins, document properties, the draft watermark, running header
 * and footer in the reader's language, and the styles every section of the PDF uses. The document
 * is PDF/UA-1: tagged (pdf-tagging.ts), with its language, its title shown in the viewer's title
 * bar and XMP metadata (which pdfkit writes only from PDF 1.4 on). The running header and footer
 * are artifacts (the tagging layer makes them so).
 */
import type { ReportModel } from '$lib/domain/report/model';
import { translator } from '$lib/i18n/lookup';

/** The BCP 47 tag of a report language or of an authored text's language ('sv', 'en', …). */
export function reportLang(lang: string): string {
	return lang === 'en' ? 'en-GB' : lang === 'sv' ? 'sv-SE' : lang;
}

/** What pdfmake tells `pageBreakBefore` of a laid-out node (the fields used here). */
interface LaidOutNode {
	headlineLevel?: number;
	pageNumbers: number[];
	style?: string | string[];
}

/** The running header and footer, laid out after the content: no content a heading keeps with. */
const running = (node: LaidOutNode) =>
	[node.style ?? []].flat().some((s) => s === 'running' || s === 'runningDraft');

/**
 * A heading never ends a page: pdfmake asks this of every node once laid out, and a heading
 * (`headlineLevel`, set by `headings()`) that runs over the page's foot or has nothing after it on
 * its page but other headings (and the running header and footer) starts the next page instead.
 * Headings in a row move together, since each of them is then followed by headings only.
 */
function keepHeadingsWithNext(
	node: LaidOutNode,
	nodes: { getFollowingNodesOnPage: () => LaidOutNode[] }
): boolean {
	if (node.headlineLevel === undefined) return false;
	if (node.pageNumbers.length > 1) return true;
	return nodes.getFollowingNodesOnPage().every((n) => n.headlineLevel !== undefined || running(n));
}

export function pageFrame(model: ReportModel) {
	const t = translator(model.locale);
	return {
		pageSize: 'A4',
		pageMargins: [56, 60, 56, 56],
		language: reportLang(model.locale),
		version: '1.7',
		tagged: true,
		subset: 'PDF/UA',
		displayTitle: true,
		info: {
			title: model.draft
				? t('report.docTitleDraft', { name: model.municipality.name })
				: model.title,
			// The model's credit: the team, or the publisher of an imported or seeded report.
			author: model.author,
			subject: t('report.subject', {
				name: model.municipality.name,
				year: model.year,
				rubric: model.rubricTitle
			}),
			keywords: t('report.keywords'),
			creator: 'Kommunkompassen',
			producer: 'Kommunkompassen (pdfmake)',
			creationDate: new Date(model.dateIso)
		},
		pageBreakBefore: keepHeadingsWithNext,
		watermark: model.draft
			? { text: t('report.draft'), color: '#b00020', opacity: 0.12, bold: true }
			: undefined,
		header: (currentPage: number) =>
			currentPage === 1
				? null
				: {
						style: 'running',
						columns: [
							{
								text: `Kommunkompassen – ${model.municipality.name} ${model.year}`,
								style: 'running'
							},
							model.draft
								? {
										text: `${t('report.draft')} ${model.generatedAt}`,
										style: 'runningDraft',
										alignment: 'right'
									}
								: { text: '' }
						],
						margin: [56, 24, 56, 0]
					},
		footer: (currentPage: number, pageCount: number) => ({
			text: `${t('report.page', { page: currentPage, pages: pageCount })}${model.draft && currentPage === 1 ? ` · ${t('report.draft')}` : ''}`,
			alignment: 'center',
			style: 'running',
			margin: [0, 20, 0, 0]
		}),
		defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.25 },
		styles: {
			coverKicker: { fontSize: 16, color: '#00457c' },
			coverTitle: { fontSize: 28, bold: true, color: '#00457c' },
			coverYear: { fontSize: 20 },
			h1: { fontSize: 17, bold: true, color: '#00457c', margin: [0, 6, 0, 8] },
			h2: { fontSize: 13, bold: true, color: '#00457c', margin: [0, 10, 0, 4] },
			h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
			body: { margin: [0, 0, 0, 6] },
			bodyBold: { bold: true, margin: [0, 4, 0, 2] },
			muted: { color: '#4a4f57', fontSize: 9 },
			th: { bold: true },
			running: { fontSize: 8, color: '#4a4f57' },
			runningDraft: { fontSize: 8, color: '#b00020', bold: true },
			draftNote: { fontSize: 12, bold: true, color: '#b00020' }
		}
	};
}
