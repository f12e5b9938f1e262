/**
 * Conversions between the `kommunkompassen-result/1` exchange format and EvaluationContent.
 * Derived figures in an export are computed here with computeTotals, never copied.
 */
import { resultFormatId, type ResultRecord } from '$lib/schemas/result-format';
import { emptyAreaFindings, type EvaluationContent } from './evaluation-content';
import { hasSubareasScored } from './published';
import type { Rubric } from './rubric';
import { areaScoresOf, computeTotals, sumAreas } from './scoring';

/** An imported record as content: the levels it has, and whatever findings it carries. */
export function contentFromRecord(
	record: ResultRecord,
	rubric: Rubric,
	municipalityName: string
): EvaluationContent {
	const areas: EvaluationContent['areas'] = {};
	for (const area of rubric.areas) {
		const findings = emptyAreaFindings();
		findings.strengths = (record.strengths?.[area.id] ?? []).map((s) => ({
			text: s.text,
			goldStar: s.goldStar ?? false,
			...(s.subarea ? { subareaId: s.subarea } : {})
		}));
		findings.improvements = (record.improvements?.[area.id] ?? []).map((i) =>
			typeof i === 'string'
				? { text: i }
				: { text: i.text, ...(i.subarea ? { subareaId: i.subarea } : {}) }
		);
		areas[area.id] = findings;
	}
	const content: EvaluationContent = {
		rubricId: rubric.id,
		municipality: { code: record.municipality.code, name: municipalityName },
		year: record.year,
		evaluatedAt: record.evaluatedAt ?? null,
		evaluators: [],
		visit: { start: null, end: null },
		method: { description: '', interviews: [], documentsStudied: [] },
		scores: record.scores ?? {},
		areas,
		summary: record.summary ?? '',
		recommendations: (record.recommendations ?? []).map((text) => ({ text })),
		source: record.source ?? null
	};
	if (!record.scores && record.areaScores) content.areaScores = record.areaScores;
	if (!record.scores && !record.areaScores && record.total !== undefined)
		content.total = record.total;
	return content;
}

/** The published part of an evaluation in the exchange format, derived figures filled in. */
export function toExchangeFormat(content: EvaluationContent, rubric: Rubric): ResultRecord {
	const record: ResultRecord = {
		format: resultFormatId,
		rubric: rubric.id,
		rubricTitle: rubric.title,
		rubricYear: rubric.year,
		municipality: { code: content.municipality.code, name: content.municipality.name },
		year: content.year
	};
	if (hasSubareasScored(rubric, content.scores)) {
		const totals = computeTotals(rubric, content.scores);
		record.scores = Object.fromEntries(
			rubric.areas.flatMap((a) => a.subareas.map((s) => [s.id, content.scores[s.id] as number]))
		);
		record.areaScores = areaScoresOf(totals);
		record.total = totals.total as number;
	} else if (content.areaScores && Object.keys(content.areaScores).length === rubric.areas.length) {
		record.areaScores = { ...content.areaScores };
		record.total = sumAreas(content.areaScores);
	} else if (content.total !== undefined) {
		record.total = content.total;
	}
	if (content.evaluatedAt) record.evaluatedAt = content.evaluatedAt;
	if (content.summary) record.summary = content.summary;
	if (content.recommendations.length)
		record.recommendations = content.recommendations.map((r) => r.text);
	const strengths = Object.entries(content.areas).filter(([, f]) => f.strengths.length);
	if (strengths.length) {
		record.strengths = Object.fromEntries(
			strengths.map(([id, f]) => [
				id,
				f.strengths.map((s) => ({
					text: s.text,
					goldStar: s.goldStar,
					...(s.subareaId ? { subarea: s.subareaId } : {})
				}))
			])
		);
	}
	const improvements = Object.entries(content.areas).filter(([, f]) => f.improvements.length);
	if (improvements.length) {
		record.improvements = Object.fromEntries(
			improvements.map(([id, f]) => [
				id,
				f.improvements.map((i) => (i.subareaId ? { text: i.text, subarea: i.subareaId } : i.text))
			])
		);
	}
	if (content.source) record.source = content.source;
	return record;
}
