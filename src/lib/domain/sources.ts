/**
 * Pure rules of an evaluation's sources: what the municipality answers (per subarea, or per
 * question where the rubric has questions), when a quote really is an excerpt of interview notes,
 * and how a finding that cites evidence is named. No I/O.
 */
import type { Rubric } from './rubric';
import type { InterviewGroup } from './evaluation-content';
import { MAX_DB_INTEGER } from '../schemas/id';

/** What one written answer answers: a subarea as a whole, or one question of it. */
export interface AnswerTarget {
	subareaId: string;
	/** Null when the subarea has no questions and is answered as a whole. */
	questionId: string | null;
}

/** The answers a subarea asks for: one per question, or one for the subarea if it has none. */
export function answerTargetsOf(subarea: {
	id: string;
	questions?: { id: string; text: string }[];
}): (AnswerTarget & { questionText: string | null })[] {
	if (subarea.questions?.length) {
		return subarea.questions.map((q) => ({
			subareaId: subarea.id,
			questionId: q.id,
			questionText: q.text
		}));
	}
	return [{ subareaId: subarea.id, questionId: null, questionText: null }];
}

/**
 * The target a form or an import names by one id: a subarea id (for subareas without questions)
 * or a question id. Rubric ids are unique across levels, so one id is enough. Undefined for an
 * unknown id and for a subarea that must be answered question by question.
 */
export function resolveAnswerTarget(rubric: Rubric, targetId: string): AnswerTarget | undefined {
	for (const area of rubric.areas) {
		for (const subarea of area.subareas) {
			if (subarea.id === targetId) {
				return subarea.questions?.length ? undefined : { subareaId: subarea.id, questionId: null };
			}
			if (subarea.questions?.some((q) => q.id === targetId)) {
				return { subareaId: subarea.id, questionId: targetId };
			}
		}
	}
	return undefined;
}

/**
 * Like `resolveAnswerTarget`, but also takes the id of a subarea that has questions: an answer
 * to the subarea as a whole may have been written before the rubric gave it questions, and a
 * team file that carries one must import without losing it.
 */
export function resolveStoredAnswerTarget(
	rubric: Rubric,
	targetId: string
): AnswerTarget | undefined {
	const subarea = rubric.areas.flatMap((a) => a.subareas).find((s) => s.id === targetId);
	return subarea
		? { subareaId: subarea.id, questionId: null }
		: resolveAnswerTarget(rubric, targetId);
}

/**
 * The answers to show for a subarea: its targets and, before them, an answer to the subarea as a
 * whole where one was written before the rubric gave the subarea questions. That answer is kept
 * and shown (read-only: new answers go to the questions), never dropped.
 */
export function shownAnswerTargets(
	subarea: { id: string; questions?: { id: string; text: string }[] },
	wholeAnswerWritten: boolean
): (AnswerTarget & { questionText: string | null })[] {
	const targets = answerTargetsOf(subarea);
	return wholeAnswerWritten && targets[0].questionId !== null
		? [{ subareaId: subarea.id, questionId: null, questionText: null }, ...targets]
		: targets;
}

/** The one id of a target: the question's id, else the subarea's. */
export function answerTargetId(target: AnswerTarget): string {
	return target.questionId ?? target.subareaId;
}

/** Whitespace and Unicode form do not make a quote different: notes are typed, quotes pasted. */
export function normalizeExcerpt(text: string): string {
	return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** True when `quote` occurs in `source` (ignoring differences in whitespace). */
export function isExcerptOf(quote: string, source: string): boolean {
	const q = normalizeExcerpt(quote);
	return q.length > 0 && normalizeExcerpt(source).includes(q);
}

/** Limits shared by forms, repository and import (the interview's: `interviewLimits`). */
export const sourceLimits = {
	quote: 5000,
	evidenceNote: 2000,
	url: 2000,
	webNote: 20_000,
	answer: 20_000
} as const;

/**
 * A finding that cites evidence: list items by their row id, a subarea's narrative by the
 * subarea, an area's introduction (Allmänt) by the area.
 */
export type FindingRef =
	| { kind: 'strength' | 'improvement' | 'recommendation'; id: number }
	| { kind: 'narrative'; subareaId: string }
	| { kind: 'general'; areaId: string };

/** 'strength:12', 'narrative:1.3', 'general:2': how a finding is named in forms and maps. */
export function findingKey(ref: FindingRef): string {
	return `${ref.kind}:${findingKeyValue(ref)}`;
}

/** The finding_key column's value. */
export function findingKeyValue(ref: FindingRef): string {
	switch (ref.kind) {
		case 'narrative':
			return ref.subareaId;
		case 'general':
			return ref.areaId;
		default:
			return String(ref.id);
	}
}

/** The inverse of `findingKey`; null for anything malformed. */
export function parseFindingKey(value: string): FindingRef | null {
	const match = /^([a-z]+):(.+)$/.exec(value);
	if (!match) return null;
	const [, kind, key] = match;
	switch (kind) {
		case 'strength':
		case 'improvement':
		case 'recommendation':
			return /^[1-9][0-9]{0,9}$/.test(key) ? { kind, id: Number(key) } : null;
		case 'narrative':
			return /^[0-9]+\.[0-9]+$/.test(key) ? { kind, subareaId: key } : null;
		case 'general':
			return /^[0-9]+$/.test(key) ? { kind, areaId: key } : null;
		default:
			return null;
	}
}

/**
 * A source an evidence item quotes from on the evidence page: an interview or a web observation
 * (documents are cited from the document pages). Written 'interview:12' / 'web:3' in forms and links.
 */
export interface SourceRef {
	kind: 'interview' | 'web';
	id: number;
}

/** 'interview:12', 'web:3': how a source is named in the evidence form and in `?kalla=`. */
export function formatSourceRef(ref: SourceRef): string {
	return `${ref.kind}:${ref.id}`;
}

/** The inverse of `formatSourceRef`; null for anything else (an unknown kind, an id out of range). */
export function parseSourceRef(value: string): SourceRef | null {
	const match = /^(interview|web):([1-9][0-9]{0,9})$/.exec(value);
	if (!match) return null;
	const id = Number(match[2]);
	// A serial id is a PostgreSQL integer: a larger number names no row and would fail the query.
	return id <= MAX_DB_INTEGER ? { kind: match[1] as SourceRef['kind'], id } : null;
}

export interface InterviewCount {
	group: InterviewGroup;
	interviews: number;
	people: number;
}

/** Totals over the groups, for the method section and the interview page. */
export function interviewTotals(counts: InterviewCount[]): { interviews: number; people: number } {
	return counts.reduce(
		(acc, c) => ({ interviews: acc.interviews + c.interviews, people: acc.people + c.people }),
		{ interviews: 0, people: 0 }
	);
}

// View types shared by the repository (which builds them) and the components (which show them).

export type EvidenceSourceKind = 'interview' | 'document' | 'web';

/** An evidence item as the draft's readers see it. Interviews are named by date and group only. */
export interface EvidenceView {
	id: number;
	sourceKind: EvidenceSourceKind;
	interview: { id: number; heldOn: string; group: InterviewGroup } | null;
	web: { id: number; url: string; seenOn: string } | null;
	document: { id: number; title: string } | null;
	/** Kept for the document views: the document and page to open. */
	documentId: number | null;
	page: number | null;
	quote: string;
	note: string;
	subareaIds: string[];
	rowVersion: number;
	createdBy: string | null;
	createdAt: Date;
	/** How many findings cite it. */
	citedBy: number;
}

/** One answer the subarea asks for, with the municipality's text if written. */
export interface SubareaAnswer extends AnswerTarget {
	/** The rubric question, when the subarea is answered question by question. */
	questionText: string | null;
	answer: string | null;
	updatedAt: Date | null;
	updatedBy: string | null;
}

/** What `SubareaSources.svelte` shows beside the score of one subarea. */
export interface SubareaSources {
	subareaId: string;
	answers: SubareaAnswer[];
	evidence: EvidenceView[];
}

/** What `EvidenceCitations.svelte` needs for every finding of one evaluation. */
export interface FindingCitations {
	/** Finding key ('strength:12', 'narrative:1.3', 'general:2', …) → cited evidence ids. */
	byFinding: Record<string, number[]>;
	/** The evaluation's evidence items (no interview notes or names: safe for draft readers). */
	evidence: EvidenceView[];
}
