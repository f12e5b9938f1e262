/**
 * The evaluation's stages and the moves between them. Who may move is the policy's business;
 * which moves exist and what is missing before moving on is decided here.
 */

/** The stages in order: the one list the database type, the policy and the schemas derive from. */
export const stages = [
	'planering',
	'insamling',
	'poangsattning',
	'kalibrering',
	'faktagranskning',
	'publicerad'
] as const;
export type EvaluationStatus = (typeof stages)[number];

/** Whether `status` comes before `stage` in the lifecycle. */
export const isBefore = (status: EvaluationStatus, stage: EvaluationStatus) =>
	stages.indexOf(status) < stages.indexOf(stage);

/**
 * Stages in which the evaluators' sheets are blind: each sheet is its author's alone (points,
 * justifications, whether a subarea is scored, and its history). Calibration needs every sheet
 * submitted, so from `kalibrering` on the team and the coordinator compare them.
 */
export const blindStages: readonly EvaluationStatus[] = stages.slice(
	0,
	stages.indexOf('kalibrering')
);

export const isBlindStage = (status: EvaluationStatus) => blindStages.includes(status);

export type Move = { from: EvaluationStatus; to: EvaluationStatus; kind: 'forward' | 'back' };

/** Forward one stage (publishing is its own action), or back one stage before publication. */
export function possibleMoves(status: EvaluationStatus): Move[] {
	const i = stages.indexOf(status);
	const moves: Move[] = [];
	if (i < stages.length - 2) moves.push({ from: status, to: stages[i + 1], kind: 'forward' });
	if (i > 0 && status !== 'publicerad')
		moves.push({ from: status, to: stages[i - 1], kind: 'back' });
	return moves;
}

export function isMove(from: EvaluationStatus, to: EvaluationStatus): boolean {
	return possibleMoves(from).some((m) => m.to === to);
}

/** What the progress view reports; gaps before a forward move need a confirmation. */
export interface ProgressFacts {
	teamSize: number;
	conflictFreeCount: number;
	submittedSheets: number;
	subareaCount: number;
	agreedCount: number;
	agreedWithoutJustification: number;
	interviewGroupsCovered: number;
	evidenceSubareas: number;
	areasWithFindings: number;
	areaCount: number;
	hasSummary: boolean;
	openFactCheckComments: number;
}

export type Gap =
	| { code: 'noTeam' }
	| { code: 'conflictNotDeclared'; missing: number }
	| { code: 'sheetsNotSubmitted'; submitted: number; needed: number }
	| { code: 'subareasNotAgreed'; missing: number }
	| { code: 'noInterviews' }
	| { code: 'subareasWithoutEvidence'; missing: number }
	| { code: 'areasWithoutFindings'; missing: number }
	| { code: 'noSummary' }
	| { code: 'openComments'; open: number };

/** Hard stops: moves that cannot happen at all (blind scoring needs every sheet submitted). */
export function blockers(to: EvaluationStatus, f: ProgressFacts): Gap[] {
	if (to === 'kalibrering' && f.submittedSheets < Math.max(f.teamSize, 1)) {
		return [
			{ code: 'sheetsNotSubmitted', submitted: f.submittedSheets, needed: Math.max(f.teamSize, 1) }
		];
	}
	if (to === 'publicerad' && f.agreedCount < f.subareaCount) {
		return [{ code: 'subareasNotAgreed', missing: f.subareaCount - f.agreedCount }];
	}
	return [];
}

/** Gaps worth a confirmation before moving forward to `to`. */
export function gapsBefore(to: EvaluationStatus, f: ProgressFacts): Gap[] {
	const gaps: Gap[] = [];
	const at = stages.indexOf(to);
	if (at >= stages.indexOf('insamling') && f.teamSize === 0) gaps.push({ code: 'noTeam' });
	if (at >= stages.indexOf('poangsattning')) {
		if (f.conflictFreeCount < f.teamSize)
			gaps.push({ code: 'conflictNotDeclared', missing: f.teamSize - f.conflictFreeCount });
		if (f.interviewGroupsCovered === 0) gaps.push({ code: 'noInterviews' });
	}
	if (at >= stages.indexOf('faktagranskning')) {
		if (f.agreedCount < f.subareaCount)
			gaps.push({ code: 'subareasNotAgreed', missing: f.subareaCount - f.agreedCount });
		if (f.evidenceSubareas < f.subareaCount)
			gaps.push({ code: 'subareasWithoutEvidence', missing: f.subareaCount - f.evidenceSubareas });
		if (f.areasWithFindings < f.areaCount)
			gaps.push({ code: 'areasWithoutFindings', missing: f.areaCount - f.areasWithFindings });
		if (!f.hasSummary) gaps.push({ code: 'noSummary' });
	}
	if (to === 'publicerad' && f.openFactCheckComments > 0)
		gaps.push({ code: 'openComments', open: f.openFactCheckComments });
	return gaps;
}
