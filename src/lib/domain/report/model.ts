/**
 * The report as data: everything the PDF and the HTML report show, derived from the evaluation's
 * content, so points, profile and findings can never disagree with the data. Pure.
 */
import type { EvaluationContent } from '../evaluation-content';
import type { Rubric } from '../rubric';
import { computeTotals } from '../scoring';
import { interviewTotals } from '../sources';
import { changeBetween, type ResultLevels } from '../comparison';
import { whatIsKommunkompassen } from './standard-texts';
import { historySentence, type PublishedEvaluation } from './history';
import { formatDate, formatMonth, type Locale } from '../../i18n';
import { translator } from '../../i18n/lookup';
import { reportCredit, type ReportCredit } from './credits';

/** How the team judged an earlier improvement possibility in a re-evaluation. */
export const judgements = ['atgardad', 'delvis', 'kvarstar'] as const;
export type Judgement = (typeof judgements)[number];

export interface ReportComparison {
	averageLabel: string;
	/** n and date of the average, for the caption. */
	averageDescription: string;
	averageAreas: Record<string, number | null>;
	/** Evaluations behind each area's average (absent for a registered reference average). */
	averageN?: Record<string, number> | null;
	/** Earlier evaluations on the same rubric, drawn in the radar. */
	earlier: { year: number; areaScores: Record<string, number> }[];
}

export interface ReportPrevious {
	year: number;
	rubric: Rubric;
	result: ResultLevels;
	followUps: {
		areaId: string;
		text: string;
		judgement: Judgement | null;
		comment: string;
	}[];
}

/** Another evaluation of the same municipality that this report links to. */
export interface ReportLink {
	year: number;
	/** Its public report (published) or, for a reader allowed it, its overview (not published). */
	href: string;
	/** `href` with the app's origin, for the PDF (read outside the app). */
	url: string;
	published: boolean;
}

/**
 * The evaluation a re-evaluation follows up and those following this one up, only as far as the
 * reader may see them: a public report (and the PDF, which everybody gets) names published ones.
 */
export interface ReportLinks {
	baseline: ReportLink | null;
	followUps: ReportLink[];
}

export interface ReportSubarea {
	id: string;
	title: string;
	max: number;
	/** null: "ej bedömd" – never shown as 0. */
	achieved: number | null;
	narrative: string;
	/** The language the narrative was written in (BCP 47), for language of parts. */
	lang: string;
}

export interface ReportArea {
	id: string;
	title: string;
	max: number;
	achieved: number | null;
	complete: boolean;
	general: string;
	/** The language `general` was written in (the evaluation's). */
	lang: string;
	subareas: ReportSubarea[];
	/** Each in its own language: the evaluation's unless the author marked it otherwise. */
	strengths: { text: string; goldStar: boolean; lang: string }[];
	improvements: { text: string; lang: string }[];
}

export interface ReportModel {
	/** The language of the report's own words and of the rubric's titles. */
	locale: Locale;
	title: string;
	municipality: { code: string; name: string };
	year: number;
	rubricTitle: string;
	/** The team, only when it did the evaluation in this toolkit; empty for a credited publisher. */
	evaluators: string[];
	/** Who the report names as author: its team, or for an imported or seeded result the publisher. */
	credit: ReportCredit;
	/** The credit as one line: the cover's and the document properties' Author. */
	author: string;
	/**
	 * The language the evaluators' texts (summary, recommendations, method, documents' titles,
	 * findings) were written in; each area and subarea carries it too as `lang`, each strength and
	 * improvement its own (this, unless its author marked it as written in another). The
	 * rubric's titles and the report's own words are in `locale`.
	 */
	textLang: string;
	date: string;
	/** ISO date behind `date` (the PDF's creation date). */
	dateIso: string;
	draft: boolean;
	generatedAt: string;
	missing: string[];
	whatIs: string;
	method: {
		description: string;
		/** Generated from the published history: "kommunens tredje utvärdering; den förra …". */
		history: string;
		visit: string | null;
		interviews: { group: string; interviews: number; people: number }[];
		interviewTotal: number;
		peopleTotal: number;
		documents: string[];
	};
	total: number | null;
	max: number;
	areas: ReportArea[];
	comparison: ReportComparison;
	summary: string;
	recommendations: string[];
	links: ReportLinks;
	development: null | {
		previousYear: number;
		sameRubric: boolean;
		caveat: string | null;
		total: { from: number | null; to: number | null; change: number | null };
		areas: {
			id: string;
			title: string;
			from: number | null;
			to: number | null;
			change: number | null;
		}[];
		largest: { id: string; title: string; change: number }[];
		followUps: ReportPrevious['followUps'];
	};
}

export function buildReportModel(input: {
	content: EvaluationContent;
	rubric: Rubric;
	comparison: ReportComparison;
	draft: boolean;
	/** ISO date of publication (or of generation for a draft). */
	date: string;
	generatedAt: string;
	previous?: ReportPrevious | null;
	/** The municipality's published evaluations (any version), for the history sentence. */
	history?: PublishedEvaluation[];
	/** The reader's language; `rubric` is expected in it already (rubricInLocale). */
	locale: Locale;
	/** The publisher credited instead of the team (an imported or seeded result); null: the team. */
	creditedAuthor?: string | null;
	/** The language the evaluators wrote in; Swedish unless stored otherwise. */
	textLanguage?: string;
	/** The evaluations it follows up and is followed up by, that the reader may see. */
	links?: ReportLinks;
}): ReportModel {
	const { content, rubric, locale } = input;
	const t = translator(locale);
	const lang = input.textLanguage ?? 'sv';
	const credit = reportCredit(input.creditedAuthor ?? null, content.evaluators);
	const totals = computeTotals(rubric, content.scores);
	const areas: ReportArea[] = rubric.areas.map((area) => {
		const a = totals.areas.find((x) => x.areaId === area.id)!;
		const f = content.areas[area.id];
		return {
			id: area.id,
			title: area.title,
			max: area.maxPoints,
			achieved: a.achieved,
			complete: a.complete,
			general: f?.general ?? '',
			lang,
			subareas: area.subareas.map((s) => ({
				id: s.id,
				title: s.title,
				max: s.maxPoints,
				achieved:
					typeof content.scores[s.id] === 'number' ? (content.scores[s.id] as number) : null,
				narrative: f?.narratives[s.id] ?? '',
				lang
			})),
			strengths: (f?.strengths ?? []).map((x) => ({
				text: x.text,
				goldStar: x.goldStar,
				lang: x.lang ?? lang
			})),
			improvements: (f?.improvements ?? []).map((i) => ({ text: i.text, lang: i.lang ?? lang }))
		};
	});
	const missing = totals.missing.map((id) => {
		const s = rubric.areas.flatMap((a) => a.subareas).find((x) => x.id === id)!;
		return `${id} ${s.title}`;
	});
	const interviews = content.method.interviews.map((i) => ({
		group: t(`src.group.${i.group}`),
		interviews: i.interviews,
		people: i.people
	}));
	let development: ReportModel['development'] = null;
	if (input.previous) {
		const now: ResultLevels = {
			municipalityCode: content.municipality.code,
			year: content.year,
			subareaScores: null,
			areaScores: Object.fromEntries(
				areas.filter((a) => a.complete).map((a) => [a.id, a.achieved as number])
			),
			total: totals.complete ? totals.total : null
		};
		const change = changeBetween(
			{ rubric: input.previous.rubric, result: input.previous.result },
			{ rubric, result: now }
		);
		const areaChanges = change.sameRubric ? change.areas : [];
		development = {
			previousYear: input.previous.year,
			sameRubric: change.sameRubric,
			caveat: change.sameRubric
				? null
				: t('report.caveat', { year: input.previous.year, rubric: input.previous.rubric.title }),
			total: { from: change.total.from, to: change.total.to, change: change.total.change },
			areas: areaChanges.map((a) => ({
				id: a.id,
				title: a.title,
				from: a.from,
				to: a.to,
				change: a.change
			})),
			largest: areaChanges
				.filter((a) => a.change !== null && a.change !== 0)
				.sort((x, y) => Math.abs(y.change!) - Math.abs(x.change!))
				.slice(0, 3)
				.map((a) => ({ id: a.id, title: a.title, change: a.change! })),
			followUps: input.previous.followUps
		};
	}
	return {
		locale,
		title: t('report.docTitle', { name: content.municipality.name }),
		municipality: content.municipality,
		year: content.year,
		rubricTitle: rubric.title,
		evaluators: credit.kind === 'evaluators' ? credit.names : [],
		credit,
		author:
			credit.kind === 'publisher'
				? credit.name
				: credit.names.length
					? credit.names.join(', ')
					: t('report.skr'),
		textLang: lang,
		date: formatDate(locale, input.date),
		dateIso: input.date,
		draft: input.draft,
		generatedAt: input.generatedAt,
		missing,
		whatIs: t(whatIsKommunkompassen(rubric.id)),
		method: {
			description: content.method.description,
			history: historySentence(locale, input.history ?? [], {
				year: content.year,
				rubricId: rubric.id
			}),
			visit: content.visit.start
				? `${content.visit.start}${content.visit.end && content.visit.end !== content.visit.start ? ` – ${content.visit.end}` : ''}`
				: content.evaluatedAt
					? formatMonth(locale, content.evaluatedAt)
					: null,
			interviews,
			interviewTotal: interviewTotals(content.method.interviews).interviews,
			peopleTotal: interviewTotals(content.method.interviews).people,
			documents: content.method.documentsStudied.map(
				(d) => `${d.title}${d.date ? ` (${d.date})` : ''}`
			)
		},
		total: totals.total,
		max: rubric.maxPoints,
		areas,
		comparison: input.comparison,
		summary: content.summary,
		recommendations: content.recommendations.map((r) => r.text),
		links: input.links ?? { baseline: null, followUps: [] },
		development
	};
}
