/**
 * The `kommunkompassen-result/1` exchange format: one published result. Strict: an unknown field
 * is an error, so a typo never silently drops data. Cross-checks against the rubric (all subareas
 * present, within their maxima, derived sums equal) live in `checkResultRecord`.
 */
import { z } from 'zod';
import type { Rubric } from '$lib/domain/rubric';

export const resultFormatId = 'kommunkompassen-result/1';

const points = z.number().int('must be a whole number').min(0, 'must be 0 or more');

export const resultRecordSchema = z.strictObject({
	format: z.literal(resultFormatId, { error: `must be "${resultFormatId}"` }),
	rubric: z.string().min(1),
	/** The rubric's title and year beside its id, for a reader of the file; exports fill them in. */
	rubricTitle: z.string().min(1).optional(),
	rubricYear: z.number().int().optional(),
	municipality: z.strictObject({
		code: z.string().regex(/^\d{4}$/, 'must be a four-digit code as a string, e.g. "0114"'),
		name: z.string().optional()
	}),
	year: z.number().int().min(1990).max(2100),
	scores: z.record(z.string(), points).optional(),
	areaScores: z.record(z.string(), points).optional(),
	total: points.optional(),
	evaluatedAt: z
		.string()
		.regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM')
		.optional(),
	summary: z.string().optional(),
	recommendations: z.array(z.string()).optional(),
	strengths: z
		.record(
			z.string(),
			z.array(
				z.strictObject({
					text: z.string().min(1),
					goldStar: z.boolean().optional(),
					subarea: z.string().min(1).optional()
				})
			)
		)
		.optional(),
	// A plain text, or (since the subarea was added) an object naming the subarea too.
	improvements: z
		.record(
			z.string(),
			z.array(
				z.union([
					z.string().min(1),
					z.strictObject({ text: z.string().min(1), subarea: z.string().min(1).optional() })
				])
			)
		)
		.optional(),
	source: z.string().optional()
});

export type ResultRecord = z.infer<typeof resultRecordSchema>;

export interface RecordProblem {
	field: string;
	message: string;
}

/** Checks a parsed record against its rubric: ids, maxima, completeness and derived sums. */
export function checkResultRecord(record: ResultRecord, rubric: Rubric): RecordProblem[] {
	const problems: RecordProblem[] = [];
	if (record.rubricYear !== undefined && record.rubricYear !== rubric.year)
		problems.push({
			field: 'rubricYear',
			message: `${rubric.id} is the ${rubric.year} version, not ${record.rubricYear}`
		});
	if (!record.scores && !record.areaScores && record.total === undefined) {
		problems.push({
			field: 'scores',
			message: 'at least one of scores, areaScores and total is required'
		});
		return problems;
	}
	const subareas = rubric.areas.flatMap((a) => a.subareas.map((s) => ({ area: a.id, ...s })));
	let areaSums: Record<string, number> | null = null;
	if (record.scores) {
		if (subareas.length === 0) {
			problems.push({
				field: 'scores',
				message: `rubric ${rubric.id} is known at area level only; use areaScores`
			});
		} else {
			const known = new Map(subareas.map((s) => [s.id, s]));
			for (const [id, value] of Object.entries(record.scores)) {
				const s = known.get(id);
				if (!s)
					problems.push({
						field: `scores.${id}`,
						message: `unknown subarea "${id}" in ${rubric.id}`
					});
				else if (value > s.maxPoints)
					problems.push({
						field: `scores.${id}`,
						message: `${value} is above the maximum ${s.maxPoints}`
					});
			}
			for (const s of subareas) {
				if (!(s.id in record.scores))
					problems.push({
						field: `scores.${s.id}`,
						message: 'missing (all subareas are required when scores is given)'
					});
			}
			if (problems.length === 0) {
				areaSums = {};
				for (const s of subareas) areaSums[s.area] = (areaSums[s.area] ?? 0) + record.scores[s.id];
			}
		}
	}
	if (record.areaScores) {
		const areaIds = new Set(rubric.areas.map((a) => a.id));
		for (const [id, value] of Object.entries(record.areaScores)) {
			const area = rubric.areas.find((a) => a.id === id);
			if (!areaIds.has(id))
				problems.push({
					field: `areaScores.${id}`,
					message: `unknown area "${id}" in ${rubric.id}`
				});
			else if (area && value > area.maxPoints)
				problems.push({
					field: `areaScores.${id}`,
					message: `${value} is above the maximum ${area.maxPoints}`
				});
			else if (areaSums && areaSums[id] !== value) {
				problems.push({
					field: `areaScores.${id}`,
					message: `area ${id} is given as ${value} but its subareas sum to ${areaSums[id]}`
				});
			}
		}
		for (const area of rubric.areas) {
			if (!(area.id in record.areaScores))
				problems.push({
					field: `areaScores.${area.id}`,
					message: 'missing (all areas are required when areaScores is given)'
				});
		}
	}
	if (record.total !== undefined) {
		if (record.total > rubric.maxPoints) {
			problems.push({
				field: 'total',
				message: `${record.total} is above the maximum ${rubric.maxPoints}`
			});
		}
		const derived =
			areaSums ?? (record.areaScores && problems.length === 0 ? record.areaScores : null);
		if (derived) {
			const sum = Object.values(derived).reduce((a, b) => a + b, 0);
			if (sum !== record.total)
				problems.push({
					field: 'total',
					message: `total is given as ${record.total} but the ${areaSums ? 'subareas' : 'areas'} sum to ${sum}`
				});
		}
	}
	for (const key of ['strengths', 'improvements'] as const) {
		for (const [id, items] of Object.entries(record[key] ?? {})) {
			const area = rubric.areas.find((a) => a.id === id);
			if (!area) {
				problems.push({ field: `${key}.${id}`, message: `unknown area "${id}"` });
				continue;
			}
			items.forEach((item, i) => {
				const subarea = typeof item === 'string' ? undefined : item.subarea;
				if (subarea && !area.subareas.some((s) => s.id === subarea))
					problems.push({
						field: `${key}.${id}[${i}].subarea`,
						message: `"${subarea}" is not a subarea of area ${id}`
					});
			});
		}
	}
	return problems;
}
