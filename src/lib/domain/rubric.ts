/**
 * The Kommunkompassen rubric as versioned data: areas → subareas → optional questions, each with
 * its maximum points. Pure: parsing, checks and look-ups; loading files is the caller's business.
 */
import { z } from 'zod';

const idPattern = /^[0-9]+(\.[0-9]+)*$/;

export const rubricQuestionSchema = z.strictObject({
	id: z.string().regex(idPattern, 'id must look like 1.1.1'),
	text: z.string().min(1),
	guidance: z.string().optional()
});

export const rubricSubareaSchema = z.strictObject({
	id: z.string().regex(idPattern, 'id must look like 1.1'),
	title: z.string().min(1),
	/** Other headings the reports use for the same subarea. */
	alternativeTitles: z.array(z.string().min(1)).optional(),
	maxPoints: z.number().int().positive(),
	/** What the evaluators look for; shown beside the scoring. */
	guidance: z.string().optional(),
	questions: z.array(rubricQuestionSchema).optional(),
	/** Swedish search terms used to suggest document passages. Not part of the scoring rules. */
	keywords: z.array(z.string().min(1)).optional()
});

export const rubricAreaSchema = z.strictObject({
	id: z.string().regex(/^[0-9]+$/, 'area id must be a number such as "1"'),
	title: z.string().min(1),
	maxPoints: z.number().int().positive(),
	/** Empty for versions known only at area level (before 2020). */
	subareas: z.array(rubricSubareaSchema)
});

export const rubricSchema = z.strictObject({
	$schema: z.string().optional(),
	id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens'),
	title: z.string().min(1),
	year: z.number().int().min(1990).max(2100),
	maxPoints: z.number().int().positive(),
	description: z.string().optional(),
	areas: z.array(rubricAreaSchema).min(1),
	/**
	 * How this version's areas relate to an earlier version's: for each area here, the earlier
	 * area ids whose content carried over. Comparisons across versions use only these pairs.
	 */
	mapsFrom: z
		.strictObject({
			rubric: z.string().min(1),
			areas: z.record(z.string(), z.array(z.string()))
		})
		.optional()
});

export type Rubric = z.infer<typeof rubricSchema>;
export type RubricArea = z.infer<typeof rubricAreaSchema>;
export type RubricSubarea = z.infer<typeof rubricSubareaSchema>;

export interface RubricProblem {
	/** Where in the file, e.g. `areas[3].subareas[1].maxPoints`. */
	path: string;
	message: string;
}

export type RubricCheck = { ok: true; rubric: Rubric } | { ok: false; problems: RubricProblem[] };

/** Validates shape and the arithmetic rules: unique ids, subarea maxima sum to area max, areas to the total. */
export function checkRubric(input: unknown): RubricCheck {
	const parsed = rubricSchema.safeParse(input);
	if (!parsed.success) {
		return {
			ok: false,
			problems: parsed.error.issues.map((issue) => ({
				path: formatPath(issue.path),
				message: issue.message
			}))
		};
	}
	const rubric = parsed.data;
	const problems: RubricProblem[] = [];
	const seen = new Map<string, string>();
	const claim = (id: string, path: string) => {
		const earlier = seen.get(id);
		if (earlier) problems.push({ path, message: `duplicate id "${id}" (also at ${earlier})` });
		else seen.set(id, path);
	};
	rubric.areas.forEach((area, a) => {
		const areaPath = `areas[${a}]`;
		claim(area.id, `${areaPath}.id`);
		area.subareas.forEach((subarea, s) => {
			const subPath = `${areaPath}.subareas[${s}]`;
			claim(subarea.id, `${subPath}.id`);
			if (!subarea.id.startsWith(`${area.id}.`)) {
				problems.push({
					path: `${subPath}.id`,
					message: `subarea "${subarea.id}" must start with its area id "${area.id}."`
				});
			}
			subarea.questions?.forEach((q, i) => {
				claim(q.id, `${subPath}.questions[${i}].id`);
				if (!q.id.startsWith(`${subarea.id}.`)) {
					problems.push({
						path: `${subPath}.questions[${i}].id`,
						message: `question "${q.id}" must start with its subarea id "${subarea.id}."`
					});
				}
			});
		});
		if (area.subareas.length > 0) {
			const sum = area.subareas.reduce((acc, s) => acc + s.maxPoints, 0);
			if (sum !== area.maxPoints) {
				problems.push({
					path: `${areaPath}.maxPoints`,
					message: `area "${area.id}" has maxPoints ${area.maxPoints} but its subareas sum to ${sum}`
				});
			}
		}
	});
	const areaSum = rubric.areas.reduce((acc, area) => acc + area.maxPoints, 0);
	if (areaSum !== rubric.maxPoints) {
		problems.push({
			path: 'maxPoints',
			message: `maxPoints is ${rubric.maxPoints} but the areas sum to ${areaSum}`
		});
	}
	if (rubric.mapsFrom) {
		for (const areaId of Object.keys(rubric.mapsFrom.areas)) {
			if (!rubric.areas.some((a) => a.id === areaId)) {
				problems.push({
					path: `mapsFrom.areas.${areaId}`,
					message: `mapping names area "${areaId}", which this rubric does not have`
				});
			}
		}
	}
	return problems.length ? { ok: false, problems } : { ok: true, rubric };
}

/**
 * Checks a rubric's `mapsFrom` against the earlier versions it may name: the rubric must be one
 * of them (not itself), and every earlier area id must exist in it. A mapping to nothing would
 * make cross-version comparisons silently empty.
 */
export function checkRubricMapping(rubric: Rubric, known: Rubric[]): RubricProblem[] {
	if (!rubric.mapsFrom) return [];
	const earlier = known.find((r) => r.id === rubric.mapsFrom!.rubric && r.id !== rubric.id);
	if (!earlier) {
		return [
			{
				path: 'mapsFrom.rubric',
				message: `mapping names rubric "${rubric.mapsFrom.rubric}", which is not a known earlier version (known: ${
					known
						.filter((r) => r.id !== rubric.id)
						.map((r) => r.id)
						.join(', ') || 'none'
				})`
			}
		];
	}
	const problems: RubricProblem[] = [];
	for (const [areaId, earlierIds] of Object.entries(rubric.mapsFrom.areas)) {
		earlierIds.forEach((earlierId, i) => {
			if (!earlier.areas.some((a) => a.id === earlierId)) {
				problems.push({
					path: `mapsFrom.areas.${areaId}[${i}]`,
					message: `mapping names area "${earlierId}" of ${earlier.id}, which that rubric does not have`
				});
			}
		});
	}
	return problems;
}

function formatPath(path: PropertyKey[]): string {
	return (
		path.reduce<string>((acc, key) => {
			if (typeof key === 'number') return `${acc}[${key}]`;
			return acc ? `${acc}.${String(key)}` : String(key);
		}, '') || '(file)'
	);
}

/** True when the rubric has subarea-level structure (2020 and later). */
export function hasSubareas(rubric: Rubric): boolean {
	return rubric.areas.some((a) => a.subareas.length > 0);
}

export function listSubareas(rubric: Rubric): RubricSubarea[] {
	return rubric.areas.flatMap((a) => a.subareas);
}

export function findSubarea(rubric: Rubric, subareaId: string): RubricSubarea | undefined {
	return listSubareas(rubric).find((s) => s.id === subareaId);
}

export function areaOfSubarea(rubric: Rubric, subareaId: string): RubricArea | undefined {
	return rubric.areas.find((a) => a.subareas.some((s) => s.id === subareaId));
}

/**
 * The part of a rubric that scores depend on: ids, titles, maxima, questions and the mapping.
 * Search keywords and guidance are reading aids and may be refined without a new version.
 */
export function scoringStructure(rubric: Rubric): unknown {
	return {
		id: rubric.id,
		title: rubric.title,
		year: rubric.year,
		maxPoints: rubric.maxPoints,
		areas: rubric.areas.map((a) => ({
			id: a.id,
			title: a.title,
			maxPoints: a.maxPoints,
			subareas: a.subareas.map((s) => ({
				id: s.id,
				title: s.title,
				maxPoints: s.maxPoints,
				questions: (s.questions ?? []).map((q) => ({ id: q.id, text: q.text }))
			}))
		})),
		mapsFrom: rubric.mapsFrom ?? null
	};
}

/** Newest first by year, then id; the default rubric for a new evaluation is the first. */
export function sortRubricsNewestFirst<T extends { year: number; id: string }>(rubrics: T[]): T[] {
	return [...rubrics].sort((a, b) => b.year - a.year || b.id.localeCompare(a.id));
}
