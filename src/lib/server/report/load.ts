/**
 * Assembles a ReportModel from the database: the published snapshot (or the draft), the chosen
 * average, earlier evaluations on the same rubric, and for a re-evaluation the previous result
 * with the team's follow-up judgements.
 */
import type { Database } from '../db';
import { findRubricById, getRubricOrThrow } from '../register/rubrics';
import { rubricInLocale } from '$lib/domain/rubric';
import type { Locale } from '$lib/i18n';
import { loadEvaluationContent } from '../published/publishing';
import { loadMunicipalityAggregate } from '../published/aggregates';
import { listFollowUps } from '../action-plans/follow-up';
import { getEvaluationOrThrow } from '../evaluations/evaluations';
import { listImprovements } from '../scoring/finding-items';
import { findCurrentPublishedVersion } from '../published/versions';
import { cacheReport, findCachedReportOfEvaluation } from './cache';
import { chooseAverage } from '../results/profile';
import { buildReportModel, type ReportModel, type ReportPrevious } from '$lib/domain/report/model';
import { renderPdfInWorker } from '../workers/pool';
import { getEvaluationCredit } from '../published/credits';
import { loadReportLinks, type ReportReader } from './links';

const stockholmNow = () =>
	new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 16);

/**
 * The report in the reader's language: its own words and the rubric's titles follow `locale`; the
 * evaluators' texts stay as written. It links to the evaluations before and after it that
 * `reader` may see (by default anyone: published ones only, as in the PDF).
 */
export async function loadReportModel(
	db: Database,
	evaluationId: number,
	locale: Locale = 'sv',
	reader: ReportReader = { user: null }
): Promise<{ model: ReportModel; publishedResultId: number | null }> {
	const e = await getEvaluationOrThrow(db, evaluationId);
	const rubric = rubricInLocale(await getRubricOrThrow(db, e.rubricId), locale);
	const published =
		e.status === 'publicerad' ? await findCurrentPublishedVersion(db, evaluationId) : undefined;
	const content = published ? published.content : await loadEvaluationContent(db, evaluationId);
	const [average, publishedHistory, credit, links] = await Promise.all([
		chooseAverage(db, rubric, null, locale),
		loadMunicipalityAggregate(db, e.municipalityCode),
		getEvaluationCredit(db, evaluationId),
		loadReportLinks(db, evaluationId, reader)
	]);
	const history = publishedHistory.results;
	const earlier = history
		.filter((r) => r.rubricId === rubric.id && r.year < e.year && r.areaScores)
		.map((r) => ({ year: r.year, areaScores: r.areaScores! }));
	const rubricYears = new Map<string, number>();
	for (const id of new Set(history.map((r) => r.rubricId)))
		rubricYears.set(id, (await findRubricById(db, id))?.year ?? 0);
	let previous: ReportPrevious | null = null;
	if (e.previousEvaluationId) {
		const prev = history.find((r) => r.evaluationId === e.previousEvaluationId);
		if (prev) {
			const followUps = await listFollowUps(db, evaluationId);
			const improvements = await listImprovements(db, e.previousEvaluationId);
			previous = {
				year: prev.year,
				rubric: rubricInLocale(await getRubricOrThrow(db, prev.rubricId), locale),
				result: prev,
				followUps: improvements.map((i) => ({
					areaId: i.areaId,
					text: i.text,
					judgement: followUps[i.id]?.judgement ?? null,
					comment: followUps[i.id]?.comment ?? ''
				}))
			};
		}
	}
	const model = buildReportModel({
		content,
		rubric,
		comparison: {
			averageLabel: average.label,
			averageDescription: average.description,
			averageAreas: average.areas,
			averageN: average.areaN,
			earlier
		},
		history: history.map((r) => ({
			year: r.year,
			rubricId: r.rubricId,
			rubricYear: rubricYears.get(r.rubricId) ?? 0
		})),
		draft: !published,
		date: published
			? published.publishedAt.toISOString().slice(0, 10)
			: new Date().toISOString().slice(0, 10),
		generatedAt: stockholmNow(),
		previous,
		locale,
		creditedAuthor: credit.creditedAuthor,
		textLanguage: credit.textLanguage,
		links
	});
	return { model, publishedResultId: published?.id ?? null };
}

/** What a report file is named after. */
export interface ReportFileFacts {
	municipality: string;
	year: number;
	draft: boolean;
}

/**
 * The PDF in the reader's language. A published version's Swedish PDF is generated once and then
 * served from the cache, looked up first in one query, so a cached report costs no report model
 * (average, history); the cache holds one PDF per version, so the English one is rendered on each
 * request (in a worker, off the request path). The PDF is everybody's: it links to published
 * evaluations only, at the app's address (`origin` when ORIGIN is not set).
 */
export async function reportPdf(
	db: Database,
	evaluationId: number,
	locale: Locale = 'sv',
	origin?: string
): Promise<{ pdf: Uint8Array; facts: ReportFileFacts }> {
	const cached = locale === 'sv' ? await findCachedReportOfEvaluation(db, evaluationId) : null;
	if (cached) {
		const { pdf, municipality, year } = cached;
		return { pdf, facts: { municipality, year, draft: false } };
	}
	const { model, publishedResultId } = await loadReportModel(db, evaluationId, locale, {
		user: null,
		origin
	});
	const facts = { municipality: model.municipality.name, year: model.year, draft: model.draft };
	const pdf = await renderPdfInWorker(model);
	if (publishedResultId && locale === 'sv') await cacheReport(db, publishedResultId, pdf);
	return { pdf, facts };
}

/** Content-Disposition that survives åäö: an ASCII fallback plus RFC 5987 `filename*`. */
export function pdfDisposition(name: string, inline = true): string {
	const ascii = name
		.normalize('NFD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/["\\]/g, '');
	return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
