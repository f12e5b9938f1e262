/**
 * The Kommunkompassen rubric as versioned data: areas → subareas → optional questions, each with
 * its maximum points. Pure: parsing, checks and look-ups; loading files is the caller's business.
 *
 * Texts are Swedish; `en` beside a text holds its English. Guidance, questions, keywords and the
 * English are reading aids: they may be refined without a new version (see `scoringStructure`).
 */
import { z } from 'zod';

const idPattern = /^[0-9]+(\.[0-9]+)*$/;
const text = z.string().trim().min(1);

export const rubricQuestionSchema = z.strictObject({
	/** The subarea id and a suffix: `1.1.a` (or `1.1.1`). Answers are keyed by it. */
	id: z.string().regex(/^[0-9]+\.[0-9]+\.[a-z0-9]+$/, 'question id must look like 1.1.a'),
	text,
	guidance: text.optional(),
	en: z.strictObject({ text, guidance: text.optional() }).optional()
});

export const rubricSubareaSchema = z.strictObject({
	id: z.string().regex(idPattern, 'id must look like 1.1'),
	title: z.string().min(1),
	/** Other headings the reports use for the same subarea. */
	alternativeTitles: z.array(z.string().min(1)).optional(),
	maxPoints: z.number().int().positive(),
	/**
	 * What the evaluators look for, where it usually shows, and what separates a low, a middle and
	 * a high score; shown beside the scoring.
	 */
	guidance: text.optional(),
	/** The written questions the municipality answers before the visit; answers are per question. */
	questions: z.array(rubricQuestionSchema).optional(),
	/** Swedish search terms used to suggest document passages. Not part of the scoring rules. */
	keywords: z.array(z.string().min(1)).optional(),
	en: z.strictObject({ title: text, guidance: text.optional() }).optional()
});

export const rubricAreaSchema = z.strictObject({
	id: z.string().regex(/^[0-9]+$/, 'area id must be a number such as "1"'),
	title: z.string().min(1),
	maxPoints: z.number().int().positive(),
	/** Empty for versions known only at area level (before 2020). */
	subareas: z.array(rubricSubareaSchema),
	en: z.strictObject({ title: text }).optional()
});

export const rubricSchema = z.strictObject({
	$schema: z.string().optional(),
	id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens'),
	title: z.string().min(1),
	year: z.number().int().min(1990).max(2100),
	maxPoints: z.number().int().positive(),
	description: z.string().optional(),
	/** Whose the guidance and questions are (the toolkit's own, not SKR's internal list). */
	guidanceNote: text.optional(),
	en: z
		.strictObject({
			title: text,
			description: text.optional(),
			guidanceNote: text.optional()
		})
		.optional(),
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

/**
 * The rubric a page shows when the reader chose none (comparisons, reference values, the national
 * average's API, good examples) and the current version's report text: the newest, 2020's.
 */
export const DEFAULT_RUBRIC = 'kommunkompassen-2020';

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
 * Every problem of a rubric file, for `rubric check`: its shape and arithmetic, and, whenever it
 * has the shape of a rubric, its mapping to the known earlier versions and its translations too,
 * so one run names an unknown mapped rubric and an unknown mapped area together.
 */
export function checkRubricFile(input: unknown, known: Rubric[]): RubricCheck {
	const checked = checkRubric(input);
	const shaped = checked.ok ? null : rubricSchema.safeParse(input);
	const rubric = checked.ok ? checked.rubric : shaped?.success ? (shaped.data as Rubric) : null;
	const problems = [
		...(checked.ok ? [] : checked.problems),
		...(rubric ? [...checkRubricMapping(rubric, known), ...checkRubricTranslations(rubric)] : [])
	];
	return problems.length || !rubric ? { ok: false, problems } : { ok: true, rubric };
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
 * The part of a rubric that scores depend on: ids, titles, maxima and the mapping. Guidance,
 * questions, search keywords and the English texts are reading aids and may be refined without a
 * new version.
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
				// The stored hashes were taken when questions were part of this shape and every
				// shipped subarea had none: the empty list keeps them valid (see the hash test).
				questions: []
			}))
		})),
		mapsFrom: rubric.mapsFrom ?? null
	};
}

/**
 * Where a rubric with guidance lacks its English: an area without `en.title`, a subarea with
 * Swedish guidance or questions but no `en.title` or `en.guidance`, a question without `en.text`.
 * Reported by `rubric check`; not a reason to refuse the file at start-up (the pages fall back
 * to the Swedish).
 */
export function checkRubricTranslations(rubric: Rubric): RubricProblem[] {
	const guided = listSubareas(rubric).some((s) => s.guidance || s.questions?.length);
	if (!guided) return [];
	const problems: RubricProblem[] = [];
	const missing = (path: string, what: string) =>
		problems.push({ path, message: `${what} has no English (en)` });
	rubric.areas.forEach((area, a) => {
		const areaPath = `areas[${a}]`;
		if (!area.en) missing(`${areaPath}.en.title`, `area "${area.id}"`);
		area.subareas.forEach((subarea, s) => {
			const subPath = `${areaPath}.subareas[${s}]`;
			if (!subarea.guidance && !subarea.questions?.length) return;
			if (!subarea.en) missing(`${subPath}.en.title`, `subarea "${subarea.id}"`);
			if (subarea.guidance && !subarea.en?.guidance)
				missing(`${subPath}.en.guidance`, `the guidance of subarea "${subarea.id}"`);
			subarea.questions?.forEach((q, i) => {
				if (!q.en) missing(`${subPath}.questions[${i}].en.text`, `question "${q.id}"`);
				else if (q.guidance && !q.en.guidance)
					missing(`${subPath}.questions[${i}].en.guidance`, `the guidance of question "${q.id}"`);
			});
		});
	});
	return problems;
}

/**
 * A rubric item's texts in the reader's language: with `locale` 'en', each text that has an
 * English version beside it (`en.title`, `en.guidance`, `en.text`) replaces the Swedish; any
 * text without one stays Swedish. The `en` block itself is left out.
 */
export function rubricText<T extends object>(locale: string, item: T): Omit<T, 'en'> {
	const { en, ...swedish } = item as T & { en?: Record<string, string | undefined> };
	if (locale !== 'en' || !en) return swedish;
	const english = Object.fromEntries(Object.entries(en).filter(([, v]) => v !== undefined));
	// `en` holds only names that the Swedish item has (title, guidance, text), so the type holds.
	return { ...swedish, ...english } as Omit<T, 'en'>;
}

/**
 * The whole rubric in the reader's language: area, subarea and question texts from their `en`
 * where the reader chose English (Swedish where no English is given). For code that takes a
 * Rubric and shows its titles (reports, the PDF, profiles, comparisons, progress tables), so the
 * language is chosen once where the rubric is loaded.
 */
export function rubricInLocale(rubric: Rubric, locale: string): Rubric {
	if (locale !== 'en') return rubric;
	return {
		...rubric,
		areas: rubric.areas.map((a) => ({
			...a,
			...rubricText(locale, a),
			subareas: a.subareas.map((s) => ({
				...s,
				...rubricText(locale, s),
				questions: s.questions?.map((q) => ({ ...q, ...rubricText(locale, q) }))
			}))
		}))
	};
}

/**
 * The rubric's areas and subareas as pages list them: ids, titles in the reader's language and
 * maxima, without guidance, questions or keywords (the page data stays small).
 */
export function rubricOutline(rubric: Rubric, locale: string) {
	return rubric.areas.map((a) => ({
		id: a.id,
		title: rubricText(locale, a).title,
		maxPoints: a.maxPoints,
		subareas: a.subareas.map((s) => ({
			id: s.id,
			title: rubricText(locale, s).title,
			maxPoints: s.maxPoints
		}))
	}));
}

/**
 * Each subarea's guidance and question texts in the reader's language, for a scoring sheet's
 * "on demand" help beside the scores (the outline above leaves them out to stay small).
 */
export function subareaGuidance(
	rubric: Rubric,
	locale: string
): Record<string, { guidance: string | null; questions: string[] }> {
	return Object.fromEntries(
		rubric.areas.flatMap((a) =>
			a.subareas.map((s) => [
				s.id,
				{
					guidance: rubricText(locale, s).guidance ?? null,
					questions: (s.questions ?? []).map((q) => rubricText(locale, q).text)
				}
			])
		)
	);
}

/** Newest first by year, then id; the default rubric for a new evaluation is the first. */
export function sortRubricsNewestFirst<T extends { year: number; id: string }>(rubrics: T[]): T[] {
	return [...rubrics].sort((a, b) => b.year - a.year || b.id.localeCompare(a.id));
}
