/**
 * What an evaluation says, independent of where it is stored: the draft in the workspace
 * tables and every published snapshot both take this shape. The report, the public pages and
 * the exports read it; interview notes and names are never part of it.
 */
export const interviewGroups = [
	'fortroendevalda',
	'ledande_tjanstepersoner',
	'fackliga_foretradare',
	'forsta_linjens_chefer',
	'bolagsledning',
	'annan'
] as const;
export type InterviewGroup = (typeof interviewGroups)[number];

export const documentKinds = [
	'vision',
	'mal_och_budget',
	'styrmodell',
	'policy',
	'arsredovisning',
	'delarsrapport',
	'annat'
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface Strength {
	text: string;
	goldStar: boolean;
	/** The language it was written in (BCP 47) when not the evaluation's; absent: the evaluation's. */
	lang?: string;
	/** The subarea it belongs to, where known (imports may say; the workspace records areas). */
	subareaId?: string;
}

export interface Improvement {
	/** Stable id of the improvement row when it comes from the workspace (action plans link to it). */
	id?: number;
	text: string;
	/** The language it was written in (BCP 47) when not the evaluation's; absent: the evaluation's. */
	lang?: string;
	/** The subarea it belongs to, where known. */
	subareaId?: string;
}

export interface Recommendation {
	id?: number;
	text: string;
}

export interface AreaFindings {
	/** The area's introduction, "Allmänt". */
	general: string;
	/** Subarea id → narrative. */
	narratives: Record<string, string>;
	strengths: Strength[];
	improvements: Improvement[];
}

export interface EvaluationMethod {
	/** How the evaluation was done, in prose (the report's section 2 opening). */
	description: string;
	/** Counts only; names and notes never leave the team. */
	interviews: { group: InterviewGroup; interviews: number; people: number }[];
	documentsStudied: { title: string; kind: DocumentKind; date: string | null }[];
}

export interface EvaluationContent {
	rubricId: string;
	municipality: { code: string; name: string };
	year: number;
	/** 'YYYY-MM' */
	evaluatedAt: string | null;
	evaluators: string[];
	visit: { start: string | null; end: string | null };
	method: EvaluationMethod;
	/** Subarea id → agreed points; absent or null when not (yet) scored. */
	scores: Record<string, number | null>;
	/** Only for results known at area level and not by subarea (imports, older rubrics). */
	areaScores?: Record<string, number>;
	/** Only for results known by their total alone (imports). */
	total?: number;
	/** Area id → findings. */
	areas: Record<string, AreaFindings>;
	summary: string;
	recommendations: Recommendation[];
	source: string | null;
}

export function emptyAreaFindings(): AreaFindings {
	return { general: '', narratives: {}, strengths: [], improvements: [] };
}
