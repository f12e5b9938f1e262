/**
 * The PDF cover's links to the evaluation a re-evaluation follows up and to its follow-ups
 * (issue 28): a sentence and the other report's address as a tagged link. The model holds only
 * published ones for the PDF (`loadReportLinks` with no reader), since the PDF is everybody's.
 */
import type { ReportLink, ReportModel } from '$lib/domain/report/model';
import { translator } from '$lib/i18n/lookup';

export function relatedReports(model: ReportModel): unknown[] {
	const t = translator(model.locale);
	const related = (sentence: string, link: ReportLink) => ({
		tag: 'P',
		style: 'body',
		margin: [0, 10, 0, 0],
		stack: [
			{ text: sentence },
			{
				text: `${t('report.linkReport', { year: link.year })}: ${link.url}`,
				link: link.url,
				tag: 'Link',
				color: '#00457c',
				decoration: 'underline'
			}
		]
	});
	const { baseline, followUps } = model.links;
	return [
		...(baseline ? [related(t('report.followsUp', { year: baseline.year }), baseline)] : []),
		...followUps.map((f) => related(t('report.followedUpBy', { year: f.year }), f))
	];
}
