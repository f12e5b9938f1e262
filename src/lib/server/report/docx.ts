/**
 * The report as a Word document, built from the same ReportModel as the PDF (pdf.ts) and the HTML
 * report, in the same order: one model, three renderers. Municipalities re-publish the report in
 * their own template, so everything Word needs to carry it over is real structure, not looks:
 * Heading 1–3 styles (the navigation pane and the table of contents follow them), Word tables
 * with repeating header rows, the charts as PNG images with alternative text and their values
 * in a table beside them, the document's language, title and author. Nothing here reads the
 * database.
 */
import {
	Document,
	HeadingLevel,
	Packer,
	PageBreak,
	Paragraph,
	TableOfContents,
	TextRun
} from 'docx';
import { reportRadar } from '$lib/domain/charts/profile';
import { reportBars } from '$lib/domain/charts/bars';
import type { ReportModel } from '$lib/domain/report/model';
import { developmentTable, pointsText, signed } from '$lib/domain/report/tables';
import { translator } from '$lib/i18n/lookup';
import { renderBarsSvg, renderRadarSvg } from '../results/charts';
import { docxFrame } from './docx-frame';
import {
	ORDERED,
	bullets,
	chartImage,
	heading,
	ownLanguage,
	plainParagraphs,
	richText,
	table,
	type Block
} from './docx-parts';

/** The Word document's blocks, in the PDF's order. */
async function reportBlocks(model: ReportModel): Promise<Block[]> {
	const t = translator(model.locale);
	const points = pointsText(model);
	const ofMax = (achieved: number | null, max: number) =>
		t('report.ofMax', { achieved: points(achieved), max });
	// The team's texts keep the language they are written in (the evaluation's, Swedish unless set)
	// and say so to spell checkers and screen readers where it is not the document's.
	const theirs = ownLanguage(model.textLang, model.locale);
	const blocks: Block[] = [];

	// Cover
	blocks.push(
		new Paragraph({ text: 'Kommunkompassen –', style: 'Subtitle' }),
		new Paragraph({
			text: t('report.coverTitle', { name: model.municipality.name }),
			heading: HeadingLevel.TITLE
		}),
		new Paragraph({ text: String(model.year), style: 'Subtitle' }),
		new Paragraph(
			model.credit.kind === 'publisher'
				? t('report.author', { name: model.author })
				: t('report.evaluators', { names: model.author })
		),
		new Paragraph(t('report.date', { date: model.date })),
		new Paragraph(model.rubricTitle)
	);
	if (model.draft) {
		blocks.push(
			new Paragraph({
				children: [
					new TextRun({
						text: t('report.draftNotPublished', { at: model.generatedAt }),
						bold: true,
						color: 'B00020'
					})
				]
			})
		);
		if (model.missing.length)
			blocks.push(
				new Paragraph({
					children: [
						new TextRun({ text: t('report.missing', { n: model.missing.length }), bold: true })
					]
				}),
				...bullets(model.missing)
			);
	}
	blocks.push(
		new Paragraph({ children: [new PageBreak()] }),
		new Paragraph({ text: t('report.contents'), style: 'TOCHeading' }),
		new TableOfContents(t('report.contents'), { hyperlink: true, headingStyleRange: '1-3' }),
		new Paragraph({ children: [new PageBreak()] })
	);

	// 1
	blocks.push(heading(`1 ${t('report.s1')}`, 1), ...plainParagraphs(model.whatIs));

	// 2
	blocks.push(heading(`2 ${t('report.s2', { name: model.municipality.name })}`, 1));
	blocks.push(heading(t('report.method'), 2));
	if (model.method.description) blocks.push(...plainParagraphs(model.method.description, theirs));
	blocks.push(...plainParagraphs(model.method.history));
	if (model.method.visit)
		blocks.push(new Paragraph(t('report.visit', { dates: model.method.visit })));
	if (model.method.interviews.length)
		blocks.push(
			table(
				[t('report.group'), t('report.interviews'), t('report.people')],
				[
					...model.method.interviews.map((i) => [i.group, String(i.interviews), String(i.people)]),
					[t('report.total'), String(model.method.interviewTotal), String(model.method.peopleTotal)]
				],
				{ rightFrom: 1, boldLast: true }
			)
		);
	if (model.method.documents.length)
		blocks.push(
			new Paragraph({
				children: [new TextRun({ text: t('report.documentsStudied'), bold: true })]
			}),
			...bullets(model.method.documents, theirs)
		);

	blocks.push(
		heading(t('report.points'), 2),
		new Paragraph({
			children: [
				new TextRun({ text: `${t('report.totalPoints')} `, bold: true }),
				new TextRun(ofMax(model.total, model.max))
			]
		})
	);
	const barsTitle = t('report.barsTitle');
	blocks.push(
		await chartImage(
			renderBarsSvg(
				{
					items: reportBars(model),
					title: barsTitle,
					referenceLabel: model.comparison.averageLabel,
					width: 640
				},
				model.locale
			),
			600,
			{
				title: barsTitle,
				description: t('report.chartAlt', {
					title: barsTitle,
					values: model.areas
						.map((a) => `${a.id}. ${a.title}: ${ofMax(a.achieved, a.max)}`)
						.join('; ')
				})
			}
		),
		table(
			[t('report.area'), t('report.achieved'), t('report.max'), model.comparison.averageLabel],
			model.areas.map((a) => {
				const average = model.comparison.averageAreas[a.id];
				return [
					`${a.id}. ${a.title}`,
					points(a.achieved),
					String(a.max),
					average === null || average === undefined ? '–' : String(average)
				];
			}),
			{ rightFrom: 1 }
		)
	);

	const radar = reportRadar(model);
	const radarTitle = t('report.profileTitle');
	blocks.push(
		heading(t('report.profile'), 2),
		await chartImage(
			renderRadarSvg({ ...radar, title: radarTitle, size: 520, margin: 130 }, model.locale),
			420,
			{
				title: radarTitle,
				description: t('report.chartAlt', {
					title: radarTitle,
					values: radar.series
						.map(
							(s) =>
								`${s.label}: ${radar.axes.map((a) => `${a.id} ${s.values[a.id] ?? '–'}`).join(', ')}`
						)
						.join('; ')
				})
			}
		),
		new Paragraph(t('report.comparison', { description: model.comparison.averageDescription })),
		table(
			[t('report.area'), ...radar.series.map((s) => s.label)],
			radar.axes.map((axis) => [
				axis.label,
				...radar.series.map((s) => {
					const v = s.values[axis.id];
					return v === null || v === undefined ? '–' : String(v);
				})
			]),
			{ rightFrom: 1 }
		)
	);

	if (model.development) {
		const d = model.development;
		const development = developmentTable(model, d);
		blocks.push(heading(t('report.development', { year: d.previousYear }), 2));
		if (d.caveat) blocks.push(new Paragraph(d.caveat));
		blocks.push(table(development.header, development.rows, { rightFrom: 1 }));
		if (d.largest.length)
			blocks.push(
				new Paragraph({ children: [new TextRun({ text: t('report.largest'), bold: true })] }),
				...bullets(
					d.largest.map((l) =>
						t('report.largestItem', { id: l.id, title: l.title, change: signed(l.change) })
					)
				)
			);
		if (d.followUps.length)
			blocks.push(
				new Paragraph({ children: [new TextRun({ text: t('report.followUps'), bold: true })] }),
				table(
					[
						t('report.followUpArea'),
						t('report.followUpImprovement'),
						t('report.followUpJudgement'),
						t('report.followUpComment')
					],
					d.followUps.map((f) => [
						f.areaId,
						f.text,
						f.judgement ? t(`report.judgement.${f.judgement}`) : t('report.notScored'),
						f.comment
					]),
					{ authored: { columns: [1, 3], lang: theirs } }
				)
			);
	}
	blocks.push(heading(t('report.summary'), 2), ...richText(model.summary, theirs));
	blocks.push(
		heading(t('report.recommendations'), 2),
		...(model.recommendations.length ? model.recommendations : ['–']).map(
			(text) =>
				new Paragraph({
					numbering: { reference: ORDERED, level: 0 },
					children: [new TextRun({ text, language: theirs })]
				})
		)
	);

	// 3
	blocks.push(new Paragraph({ children: [new PageBreak()] }), heading(`3 ${t('report.s3')}`, 1));
	for (const area of model.areas) {
		blocks.push(
			heading(
				t('report.areaHeading', {
					id: area.id,
					title: area.title,
					achieved: points(area.achieved),
					max: area.max
				}),
				2
			),
			...bullets(
				area.subareas.map((s) =>
					t('report.subareaItem', {
						id: s.id,
						title: s.title,
						achieved: points(s.achieved),
						max: s.max
					})
				)
			),
			heading(t('report.general'), 3),
			...richText(area.general, theirs)
		);
		for (const s of area.subareas)
			blocks.push(
				heading(
					t('report.subareaHeading', {
						id: s.id,
						title: s.title,
						achieved: points(s.achieved),
						max: s.max
					}),
					3
				),
				...richText(s.narrative, theirs)
			);
		blocks.push(
			heading(t('report.strengths'), 3),
			...(area.strengths.length
				? area.strengths.map(
						(s) =>
							new Paragraph({
								bullet: { level: 0 },
								children: [
									...(s.goldStar
										? [
												new TextRun({
													text: `★ ${t('report.goldStar')} `,
													bold: true,
													color: '8A6D00'
												})
											]
										: []),
									new TextRun({ text: s.text, language: ownLanguage(s.lang, model.locale) })
								]
							})
					)
				: bullets([])),
			heading(t('report.improvements'), 3),
			...(area.improvements.length
				? area.improvements.flatMap((i) => bullets([i.text], ownLanguage(i.lang, model.locale)))
				: bullets([]))
		);
	}

	// 4
	blocks.push(new Paragraph({ children: [new PageBreak()] }), heading(`4 ${t('report.s4')}`, 1));
	for (const area of model.areas)
		blocks.push(
			table(
				[`${area.id}. ${area.title}`, t('report.achieved'), t('report.max')],
				[
					...area.subareas.map((s) => [`${s.id} ${s.title}`, points(s.achieved), String(s.max)]),
					[t('report.sum'), points(area.achieved), String(area.max)]
				],
				{ rightFrom: 1, boldLast: true }
			),
			new Paragraph('')
		);
	blocks.push(
		new Paragraph({
			children: [
				new TextRun({ text: `${t('report.totalPoints')} `, bold: true }),
				new TextRun(ofMax(model.total, model.max))
			]
		})
	);
	return blocks;
}

/** The report as a .docx file. */
export async function renderReportDocx(model: ReportModel): Promise<Uint8Array> {
	const doc = new Document(docxFrame(model, await reportBlocks(model)));
	return new Uint8Array(await Packer.toBuffer(doc));
}
