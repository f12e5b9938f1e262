/**
 * The PDF report's content: a document definition built from a ReportModel, with charts as vector
 * SVG drawn by the web pages' own Svelte components (bars and radar), rendered on the server. Nothing here reads the database. The page frame and styles are in
 * pdf-frame.ts, the locked-down pdfmake in pdfmake.ts.
 * The PDF is tagged (PDF/UA): nodes say their structure role (`tag`, pdf-tagging.ts) and the
 * evaluators' texts their language where it is not the report's (pdf-accessibility.ts).
 */
import { reportRadar } from '$lib/domain/charts/profile';
import { reportBars } from '$lib/domain/charts/bars';
import type { ReportModel } from '$lib/domain/report/model';
import { developmentTable, pointsText, signed } from '$lib/domain/report/tables';
import { translator } from '$lib/i18n/lookup';
import { authoredLanguage, chartAltText, headings, pageBreak } from './pdf-accessibility';
import { pageFrame } from './pdf-frame';
import { relatedReports } from './pdf-links';
import { renderPdf } from './pdfmake';
import { paragraphs, richTextNodes } from './rich-text';
import { renderBarsSvg, renderRadarSvg } from '../results/charts';

export function reportDocDefinition(model: ReportModel) {
	const t = translator(model.locale);
	const points = pointsText(model);
	const ofMax = (achieved: number | null, max: number) =>
		t('report.ofMax', { achieved: points(achieved), max });
	const { authored, withLang } = authoredLanguage(model);
	const heading = headings();
	const chartAlt = chartAltText(model);
	const content: unknown[] = [];

	// Cover
	content.push(
		{ text: 'Kommunkompassen –', style: 'coverKicker', margin: [0, 160, 0, 8] },
		{
			text: t('report.coverTitle', { name: model.municipality.name }),
			style: 'coverTitle',
			tag: 'H1'
		},
		{ text: String(model.year), style: 'coverYear', margin: [0, 8, 0, 40] },
		{
			text:
				model.credit.kind === 'publisher'
					? t('report.author', { name: model.author })
					: t('report.evaluators', { names: model.author }),
			style: 'body'
		},
		{ text: t('report.date', { date: model.date }), style: 'body' },
		{ text: model.rubricTitle, style: 'muted' }
	);
	content.push(...relatedReports(model));
	if (model.draft) {
		content.push({
			text: t('report.draftNotPublished', { at: model.generatedAt }),
			style: 'draftNote',
			margin: [0, 30, 0, 0]
		});
		if (model.missing.length) {
			content.push(
				{
					text: t('report.missing', { n: model.missing.length }),
					style: 'bodyBold',
					margin: [0, 12, 0, 4]
				},
				{ ul: model.missing, style: 'body', tag: 'L' }
			);
		}
	}
	content.push(pageBreak);

	// Table of contents
	content.push(
		{ text: t('report.contents'), style: 'h1', tag: 'H1' },
		{ toc: { numberStyle: { bold: false } }, tag: 'TOC' },
		pageBreak
	);

	// 1
	content.push(heading(`1 ${t('report.s1')}`, 1), ...paragraphs(model.whatIs));

	// 2
	content.push(heading(`2 ${t('report.s2', { name: model.municipality.name })}`, 1, true));
	content.push({ ...heading(t('report.method'), 2) });
	if (model.method.description)
		content.push(...paragraphs(model.method.description, 'body', authored(model.method)));
	content.push(...paragraphs(model.method.history));
	if (model.method.visit)
		content.push({ text: t('report.visit', { dates: model.method.visit }), style: 'body' });
	if (model.method.interviews.length) {
		content.push({
			tag: 'Table',
			table: {
				headerRows: 1,
				widths: ['*', 'auto', 'auto'],
				body: [
					[
						{ text: t('report.group'), style: 'th' },
						{ text: t('report.interviews'), style: 'th' },
						{ text: t('report.people'), style: 'th' }
					],
					...model.method.interviews.map((i) => [
						i.group,
						{ text: String(i.interviews), alignment: 'right' },
						{ text: String(i.people), alignment: 'right' }
					]),
					[
						{ text: t('report.total'), bold: true },
						{ text: String(model.method.interviewTotal), alignment: 'right', bold: true },
						{ text: String(model.method.peopleTotal), alignment: 'right', bold: true }
					]
				]
			},
			layout: 'lightHorizontalLines',
			margin: [0, 4, 0, 8]
		});
	}
	if (model.method.documents.length)
		content.push(
			{ text: t('report.documentsStudied'), style: 'bodyBold' },
			{
				ul: model.method.documents,
				style: 'body',
				margin: [0, 0, 0, 8],
				tag: 'L',
				...withLang(authored())
			}
		);
	content.push(heading(t('report.points'), 2), {
		text: [{ text: `${t('report.totalPoints')} `, bold: true }, ofMax(model.total, model.max)],
		style: 'body'
	});
	content.push({
		tag: 'Figure',
		alt: chartAlt('report.barsAlt'),
		svg: renderBarsSvg(
			{
				items: reportBars(model),
				title: t('report.barsTitle'),
				referenceLabel: model.comparison.averageLabel,
				width: 640
			},
			model.locale
		),
		width: 500,
		margin: [0, 6, 0, 6]
	});
	// Heading, chart and caption stay on one page.
	content.push({
		stack: [
			heading(t('report.profile'), 2),
			{
				tag: 'Figure',
				alt: chartAlt('report.radarAlt'),
				svg: renderRadarSvg(
					{ ...reportRadar(model), title: t('report.profileTitle'), size: 520, margin: 130 },
					model.locale
				),
				width: 400,
				alignment: 'center'
			},
			{
				text: t('report.comparison', { description: model.comparison.averageDescription }),
				style: 'muted',
				margin: [0, 4, 0, 8]
			}
		],
		unbreakable: true
	});

	if (model.development) {
		const d = model.development;
		const development = developmentTable(model, d);
		content.push(heading(t('report.development', { year: d.previousYear }), 2));
		if (d.caveat) content.push({ text: d.caveat, style: 'muted' });
		content.push({
			tag: 'Table',
			table: {
				headerRows: 1,
				widths: ['*', 'auto', 'auto', 'auto'],
				body: [development.header.map((text) => ({ text, style: 'th' })), ...development.rows]
			},
			layout: 'lightHorizontalLines',
			margin: [0, 4, 0, 8]
		});
		if (d.largest.length)
			content.push(
				{ text: t('report.largest'), style: 'bodyBold' },
				{
					tag: 'L',
					ul: d.largest.map((l) =>
						t('report.largestItem', { id: l.id, title: l.title, change: signed(l.change) })
					),
					style: 'body',
					margin: [0, 0, 0, 8]
				}
			);
		if (d.followUps.length) {
			content.push({ text: t('report.followUps'), style: 'bodyBold' });
			content.push({
				tag: 'Table',
				table: {
					headerRows: 1,
					widths: ['auto', '*', 'auto', '*'],
					body: [
						[
							{ text: t('report.followUpArea'), style: 'th' },
							{ text: t('report.followUpImprovement'), style: 'th' },
							{ text: t('report.followUpJudgement'), style: 'th' },
							{ text: t('report.followUpComment'), style: 'th' }
						],
						...d.followUps.map((f) => [
							f.areaId,
							{ text: f.text, ...withLang(authored(f)) },
							f.judgement ? t(`report.judgement.${f.judgement}`) : t('report.notScored'),
							{ text: f.comment, ...withLang(authored(f)) }
						])
					]
				},
				layout: 'lightHorizontalLines',
				fontSize: 9
			});
		}
	}
	content.push(
		heading(t('report.summary'), 2),
		...richTextNodes(model.summary || '–', 'body', authored())
	);
	content.push(heading(t('report.recommendations'), 2), {
		tag: 'L',
		ol: model.recommendations.length
			? model.recommendations.map((r) => ({ text: r, ...withLang(authored(r)) }))
			: ['–'],
		style: 'body'
	});

	// 3
	content.push({ ...heading(`3 ${t('report.s3')}`, 1), pageBreak: 'before' });
	for (const area of model.areas) {
		content.push({
			...heading(
				t('report.areaHeading', {
					id: area.id,
					title: area.title,
					achieved: points(area.achieved),
					max: area.max
				}),
				2
			),
			margin: [0, 14, 0, 6]
		});
		content.push({
			tag: 'L',
			ul: area.subareas.map((s) =>
				t('report.subareaItem', {
					id: s.id,
					title: s.title,
					achieved: points(s.achieved),
					max: s.max
				})
			),
			style: 'body',
			margin: [0, 0, 0, 6]
		});
		content.push(
			heading(t('report.general'), 3),
			...richTextNodes(area.general || '–', 'body', authored())
		);
		for (const s of area.subareas) {
			content.push(
				heading(
					t('report.subareaHeading', {
						id: s.id,
						title: s.title,
						achieved: points(s.achieved),
						max: s.max
					}),
					3
				),
				...richTextNodes(s.narrative || '–', 'body', authored())
			);
		}
		content.push(heading(t('report.strengths'), 3), {
			tag: 'L',
			// Roboto has no ★ glyph: the star is drawn as SVG, the word guldstjärna carries it in
			// text, and the tagged PDF reads the drawing as "★" (ActualText).
			ul: area.strengths.length
				? area.strengths.map((s) =>
						s.goldStar
							? {
									columns: [
										{
											svg: starSvg,
											width: 9,
											margin: [0, 1.5, 0, 0],
											tag: 'Span',
											actualText: '★ '
										},
										{
											width: '*',
											text: [
												{ text: `${t('report.goldStar')} `, bold: true, color: '#8a6d00' },
												{ text: s.text, ...withLang(authored(s)) }
											]
										}
									],
									columnGap: 3
								}
							: { text: s.text, ...withLang(authored(s)) }
					)
				: ['–'],
			style: 'body'
		});
		content.push(heading(t('report.improvements'), 3), {
			tag: 'L',
			ul: area.improvements.length
				? area.improvements.map((i) => ({ text: i.text, ...withLang(authored(i)) }))
				: ['–'],
			style: 'body'
		});
	}

	// 4
	content.push({ ...heading(`4 ${t('report.s4')}`, 1), pageBreak: 'before' });
	for (const area of model.areas) {
		content.push({
			tag: 'Table',
			table: {
				headerRows: 1,
				dontBreakRows: true,
				widths: ['*', 50, 40],
				body: [
					[
						{ text: `${area.id}. ${area.title}`, style: 'th' },
						{ text: t('report.achieved'), style: 'th', alignment: 'right' },
						{ text: t('report.max'), style: 'th', alignment: 'right' }
					],
					...area.subareas.map((s) => [
						`${s.id} ${s.title}`,
						{ text: points(s.achieved), alignment: 'right' },
						{ text: String(s.max), alignment: 'right' }
					]),
					[
						{ text: t('report.sum'), bold: true },
						{ text: points(area.achieved), alignment: 'right', bold: true },
						{ text: String(area.max), alignment: 'right', bold: true }
					]
				]
			},
			layout: 'lightHorizontalLines',
			margin: [0, 0, 0, 10],
			unbreakable: true
		});
	}
	content.push({
		text: [{ text: `${t('report.totalPoints')} `, bold: true }, ofMax(model.total, model.max)],
		style: 'body',
		margin: [0, 6, 0, 0]
	});

	return { ...pageFrame(model), content };
}

const starSvg =
	'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 1.5l3.1 6.9 7.4.7-5.6 5 1.7 7.4L12 17.6l-6.6 3.9 1.7-7.4-5.6-5 7.4-.7z" fill="#c99700" stroke="#8a6d00" stroke-width="1"/></svg>';

export async function renderReportPdf(model: ReportModel): Promise<Buffer> {
	return renderPdf(reportDocDefinition(model));
}
