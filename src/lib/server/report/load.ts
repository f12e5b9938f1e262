/**
 * Assembles a ReportModel from the database: the published snapshot (or the draft), the chosen
 * average, earlier evaluations on the same rubric, and for a re-evaluation the previous result
 * with the team's follow-up judgements.
 */
import type { Database } from '../db';
import { getRubricOrThrow } from '../repositories/rubrics';
import { loadEvaluationContent } from '../repositories/publishing';
import { listPublishedResults } from '../repositories/comparisons';
import { listFollowUps } from '../repositories/follow-up';
import { getEvaluationOrThrow } from '../repositories/evaluations';
import { listImprovements } from '../repositories/finding-items';
import { findCurrentPublishedVersion } from '../repositories/published-results';
import { cacheReport, findCachedReport } from '../repositories/report-cache';
import { chooseAverage } from '../results/profile';
import { buildReportModel, type ReportModel, type ReportPrevious } from '$lib/domain/report/model';
import { renderPdfInWorker } from '../workers/pool';

const stockholmNow = () =>
	new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }).slice(0, 16);

export async function loadReportModel(
	db: Database,
	evaluationId: number
): Promise<{ model: ReportModel; publishedResultId: number | null }> {
	const e = await getEvaluationOrThrow(db, evaluationId);
	const rubric = await getRubricOrThrow(db, e.rubricId);
	const published =
		e.status === 'publicerad' ? await findCurrentPublishedVersion(db, evaluationId) : undefined;
	const content = published ? published.content : await loadEvaluationContent(db, evaluationId);
	const average = await chooseAverage(db, rubric, null, 'sv');
	const history = await listPublishedResults(db, {
		rubricId: rubric.id,
		municipalityCodes: [e.municipalityCode]
	});
	const earlier = history
		.filter((r) => r.year < e.year && r.areaScores)
		.map((r) => ({ year: r.year, areaScores: r.areaScores! }));
	let previous: ReportPrevious | null = null;
	if (e.previousEvaluationId) {
		const prev = (await listPublishedResults(db, { municipalityCodes: [e.municipalityCode] })).find(
			(r) => r.evaluationId === e.previousEvaluationId
		);
		if (prev) {
			const followUps = await listFollowUps(db, evaluationId);
			const improvements = await listImprovements(db, e.previousEvaluationId);
			previous = {
				year: prev.year,
				rubric: await getRubricOrThrow(db, prev.rubricId),
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
			earlier
		},
		draft: !published,
		date: published
			? published.publishedAt.toISOString().slice(0, 10)
			: new Date().toISOString().slice(0, 10),
		generatedAt: stockholmNow(),
		previous
	});
	return { model, publishedResultId: published?.id ?? null };
}

/** The PDF; a published version's is generated once and then served from the cache. */
export async function reportPdf(
	db: Database,
	evaluationId: number
): Promise<{ pdf: Uint8Array; model: ReportModel }> {
	const { model, publishedResultId } = await loadReportModel(db, evaluationId);
	if (publishedResultId) {
		const cached = await findCachedReport(db, publishedResultId);
		if (cached) return { pdf: cached, model };
		const pdf = await renderPdfInWorker(model);
		await cacheReport(db, publishedResultId, pdf);
		return { pdf, model };
	}
	return { pdf: await renderPdfInWorker(model), model };
}

/** Content-Disposition that survives åäö: an ASCII fallback plus RFC 5987 `filename*`. */
export function pdfDisposition(name: string, inline = true): string {
	const ascii = name
		.normalize('NFD')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/["\\]/g, '');
	return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
