/**
 * Who may do what: the one place the app answers "may this user do this action on this
 * resource?". Pure: callers load the resource's facts (team, contact, status) and ask.
 * Loads, actions and API routes go through `guard.ts`, which turns a "no" into 404 (the
 * resource is invisible to this user) or 403 (visible, but not this action).
 */
import { isBefore as before, isBlindStage, type EvaluationStatus } from '$lib/domain/lifecycle';
import type { Role } from '$lib/domain/roles';
import { canTakeStep, type FactCheckStatus, type FactCheckStep } from '$lib/domain/fact-check';
import type { SessionUser } from './types';
import type { SelfAssessmentStatus } from '$lib/domain/self-assessment';

/** Facts about one evaluation that decisions depend on. */
export interface EvaluationScope {
	id: number;
	municipalityCode: string;
	status: EvaluationStatus;
	/** Evaluators on the evaluation's team. */
	teamUserIds: number[];
	/** Team members who have declared that they have no conflict of interest (jäv). */
	conflictFreeUserIds: number[];
	/** The municipality's contact person for this evaluation. */
	contactUserId: number | null;
	/** The municipality has chosen to publish its action plan. */
	actionPlanPublic?: boolean;
}

/** Actions on the whole programme (no particular evaluation). */
export const globalActions = [
	'evaluation.list',
	'evaluation.create',
	'evaluation.import',
	'user.manage',
	'audit.read',
	'results.import',
	'referenceAverage.manage',
	'peerGroup.manage',
	'rubric.manage',
	'account.changePassword',
	/** A copy of the whole database: every user, draft, interview note and document. */
	'backup.download'
] as const;

/** Actions on one evaluation. */
export const evaluationActions = [
	/** See that it exists: its municipality, year, status and team. */
	'evaluation.read',
	/** Read the draft: scores, findings, sources (not interview notes). */
	'evaluation.readDraft',
	'evaluation.update',
	'evaluation.declareNoConflict',
	'evaluation.history',
	'evaluation.export',
	'evaluation.startReevaluation',
	'evaluation.publish',
	'evaluation.reopen',
	/** Move to the next stage or back one (the lifecycle decides which moves exist). */
	'evaluation.transition',
	'sheet.edit',
	/** See the other evaluator's sheet: only once both have submitted. */
	'sheet.compare',
	'score.agree',
	'findings.edit',
	'sources.edit',
	/** Interview notes and names never leave the team. */
	'interview.readNotes',
	'writtenAnswer.read',
	'writtenAnswer.edit',
	'document.read',
	'document.upload',
	/** Say whether a document carried over from the previous evaluation still applies. */
	'document.markCarried',
	'factCheck.read',
	'factCheck.comment',
	'factCheck.answer',
	'report.draft',
	'actionPlan.read',
	'actionPlan.edit',
	'followUp.edit'
] as const;

/**
 * The only actions the policy grants anyone not signed in (a published evaluation, its published
 * action plan). Every other action needs a user, which is what lets the route guard return one.
 */
export const anonymousEvaluationActions = [
	'evaluation.read',
	'actionPlan.read'
] as const satisfies readonly EvaluationAction[];

export type GlobalAction = (typeof globalActions)[number];
export type EvaluationAction = (typeof evaluationActions)[number];
export type AnonymousEvaluationAction = (typeof anonymousEvaluationActions)[number];
export type SignedInEvaluationAction = Exclude<EvaluationAction, AnonymousEvaluationAction>;

const isRole = (user: SessionUser | null, role: Role): user is SessionUser =>
	user !== null && user.role === role && !user.mustChangePassword;

/** A decision on a programme-wide action. */
export function canGlobal(user: SessionUser | null, action: GlobalAction): boolean {
	if (user?.mustChangePassword) return action === 'account.changePassword';
	switch (action) {
		case 'account.changePassword':
		case 'evaluation.list':
		case 'peerGroup.manage':
			return user !== null;
		case 'evaluation.create':
		case 'evaluation.import':
		case 'user.manage':
		case 'audit.read':
		case 'results.import':
		case 'referenceAverage.manage':
		case 'rubric.manage':
		case 'backup.download':
			return isRole(user, 'coordinator');
	}
}

/** A decision on an action on one evaluation. */
export function canOnEvaluation(
	user: SessionUser | null,
	action: EvaluationAction,
	e: EvaluationScope
): boolean {
	const published = e.status === 'publicerad';
	// The published part of a published evaluation is public; the rest needs a role below.
	if (action === 'evaluation.read' && published) return true;
	if (action === 'actionPlan.read' && published && e.actionPlanPublic) return true;
	if (!user || user.mustChangePassword) return false;

	const part = partIn(user, e);
	const coordinator = part === 'coordinator';
	const onTeam = part === 'evaluator';
	const conflictFree = onTeam && e.conflictFreeUserIds.includes(user.id);
	const contact = part === 'municipality';
	// The municipality sees its evaluation once collection starts (to send answers and documents).
	const contactSees = contact && !before(e.status, 'insamling');
	const editable = !published;

	switch (action) {
		case 'evaluation.read':
			return coordinator || onTeam || contactSees;
		case 'evaluation.readDraft':
		case 'evaluation.history':
		case 'evaluation.export':
			return coordinator || onTeam;
		case 'evaluation.update':
			return coordinator && editable;
		case 'evaluation.declareNoConflict':
			return onTeam && editable;
		case 'evaluation.startReevaluation':
			return coordinator && published;
		case 'evaluation.publish':
			return coordinator && e.status === 'faktagranskning';
		case 'evaluation.reopen':
			return coordinator && published;
		case 'evaluation.transition':
			return (coordinator || conflictFree) && editable;
		case 'sheet.edit':
			return conflictFree && e.status === 'poangsattning';
		case 'sheet.compare':
			return (coordinator || onTeam) && !isBlindStage(e.status);
		case 'score.agree':
			return conflictFree && e.status === 'kalibrering';
		case 'findings.edit':
			return conflictFree && editable && !before(e.status, 'insamling');
		case 'sources.edit':
			return onTeam && editable;
		case 'interview.readNotes':
			return onTeam;
		case 'writtenAnswer.read':
			return coordinator || onTeam || contactSees;
		case 'writtenAnswer.edit':
			return contact && (e.status === 'insamling' || e.status === 'poangsattning');
		case 'document.read':
			return coordinator || onTeam || contactSees;
		case 'document.upload':
			return (onTeam || contactSees) && editable;
		case 'document.markCarried':
			return contactSees && editable;
		case 'factCheck.read':
			return (coordinator || onTeam || contactSees) && !before(e.status, 'faktagranskning');
		case 'factCheck.comment':
			return contact && e.status === 'faktagranskning';
		case 'factCheck.answer':
			return onTeam && e.status === 'faktagranskning';
		case 'report.draft':
			return coordinator || onTeam || (contact && e.status === 'faktagranskning');
		case 'actionPlan.read':
			return published && (coordinator || onTeam || contact);
		case 'actionPlan.edit':
			return published && contact;
		case 'followUp.edit':
			return conflictFree && editable;
	}
}

/**
 * A decision on one step of one fact-check comment. The team answers open comments; the contact
 * closes a comment (answered, or her own open one withdrawn); the team may close an answered one
 * but never an open one, which would silence it unanswered.
 */
export function canOnFactCheckComment(
	user: SessionUser | null,
	step: FactCheckStep,
	e: EvaluationScope,
	comment: { status: FactCheckStatus }
): boolean {
	if (!canTakeStep(comment.status, step)) return false;
	const contact = canOnEvaluation(user, 'factCheck.comment', e);
	const team = canOnEvaluation(user, 'factCheck.answer', e);
	switch (step) {
		case 'answer':
			return team;
		case 'close':
			return contact || (team && comment.status === 'besvarad');
	}
}

/**
 * The part a user plays in one evaluation, which decides what is theirs to do next (tasks):
 * the coordinator, a team member, the municipality's contact, or none.
 */
export function partIn(user: SessionUser | null, e: EvaluationScope): Role | null {
	if (!user || user.mustChangePassword) return null;
	if (user.role === 'coordinator') return 'coordinator';
	if (user.role === 'evaluator' && e.teamUserIds.includes(user.id)) return 'evaluator';
	const contact =
		user.role === 'municipality' &&
		user.municipalityCode === e.municipalityCode &&
		(e.contactUserId === null || e.contactUserId === user.id);
	return contact ? 'municipality' : null;
}

/**
 * Whose blind score sheets this user may read in this evaluation: every sheet once the team
 * compares them (`sheet.compare`), otherwise only an evaluator's own, and nobody else's. Every
 * route and format that shows sheet data (pages, history, logs, exports) asks this.
 */
export type SheetVisibility = { all: true } | { all: false; ownerId: number | null };

/** The operator's copy (the CLI): every sheet once they may be compared, none while blind. */
export function operatorSheetVisibility(status: EvaluationStatus): SheetVisibility {
	return isBlindStage(status) ? { all: false, ownerId: null } : { all: true };
}

export function sheetVisibility(user: SessionUser | null, e: EvaluationScope): SheetVisibility {
	if (canOnEvaluation(user, 'sheet.compare', e)) return { all: true };
	const onTeam = user?.role === 'evaluator' && e.teamUserIds.includes(user.id);
	return { all: false, ownerId: onTeam ? user.id : null };
}

// ─── Self-assessment (självskattning) ───────────────────────────────────────────────────────
// A municipality's own scoring of itself. Private to the municipality's users; the coordinator
// and an evaluation team see one only when the municipality shares it with that evaluation, and
// the evaluators only after their own blind sheets, so it cannot anchor their scores.

/** Facts about one self-assessment that decisions depend on. */
export interface SelfAssessmentScope {
	id: number;
	municipalityCode: string;
	status: SelfAssessmentStatus;
	/** The municipality users in the self-assessment group (one blind sheet each). */
	memberUserIds: number[];
	/** The evaluation it is shared with: its stage, team and who on it has handed in a sheet. */
	sharedWith: {
		evaluationId: number;
		status: EvaluationStatus;
		teamUserIds: number[];
		submittedSheetUserIds: number[];
	} | null;
}

/** Actions on a municipality's self-assessments as a whole. */
export const municipalitySelfAssessmentActions = [
	/** Open the list (each row is then filtered by `selfAssessment.read`, in SQL). */
	'selfAssessment.list',
	'selfAssessment.create',
	/** Make a colleague a municipality user, to join a self-assessment group. */
	'selfAssessment.invite',
	'selfAssessment.import'
] as const;

/** Actions on one self-assessment. */
export const selfAssessmentActions = [
	/** See it: name, date, agreed result and the gap. */
	'selfAssessment.read',
	/** Edit one's own blind sheet. */
	'selfAssessment.score',
	/** See every member's sheet: only once all are handed in. */
	'selfAssessment.compare',
	'selfAssessment.agree',
	/** Mark it done (every subarea agreed). */
	'selfAssessment.finish',
	/** Share it with (or withdraw it from) one of the municipality's evaluations. */
	'selfAssessment.share',
	'selfAssessment.export',
	/** Turn a gap into an improvement action. */
	'selfAssessment.act'
] as const;

export type MunicipalitySelfAssessmentAction = (typeof municipalitySelfAssessmentActions)[number];
export type SelfAssessmentAction = (typeof selfAssessmentActions)[number];

const ofMunicipality = (user: SessionUser | null, code: string): user is SessionUser =>
	isRole(user, 'municipality') && user.municipalityCode === code;

/** A decision on a municipality's self-assessments as a whole. */
export function canOnMunicipalitySelfAssessments(
	user: SessionUser | null,
	action: MunicipalitySelfAssessmentAction,
	municipalityCode: string
): boolean {
	const own = ofMunicipality(user, municipalityCode);
	switch (action) {
		case 'selfAssessment.list':
			// The programme's roles may look for shared ones; the list shows them nothing else.
			return own || isRole(user, 'coordinator') || isRole(user, 'evaluator');
		case 'selfAssessment.create':
		case 'selfAssessment.invite':
		case 'selfAssessment.import':
			return own;
	}
}

/** A decision on one self-assessment. */
export function canOnSelfAssessment(
	user: SessionUser | null,
	action: SelfAssessmentAction,
	a: SelfAssessmentScope
): boolean {
	if (!user || user.mustChangePassword) return false;
	const own = ofMunicipality(user, a.municipalityCode);
	const member = own && a.memberUserIds.includes(user.id);
	const shared = a.sharedWith;
	const coordinatorSees = isRole(user, 'coordinator') && shared !== null;
	const evaluatorSees =
		isRole(user, 'evaluator') &&
		shared !== null &&
		shared.teamUserIds.includes(user.id) &&
		// Only after the evaluator's own sheet: it must not anchor the blind scores.
		(shared.submittedSheetUserIds.includes(user.id) || !isBlindStage(shared.status));
	switch (action) {
		case 'selfAssessment.read':
			return own || coordinatorSees || evaluatorSees;
		case 'selfAssessment.score':
			return member && a.status === 'poangsattning';
		case 'selfAssessment.compare':
			return own && a.status !== 'poangsattning';
		case 'selfAssessment.agree':
		case 'selfAssessment.finish':
			return member && a.status === 'samsyn';
		case 'selfAssessment.share':
		case 'selfAssessment.act':
			return own && a.status === 'klar';
		case 'selfAssessment.export':
			return own;
	}
}

/**
 * Which of a municipality's self-assessments a reader's list may hold (the repository filters in
 * SQL with it); null for those who may not open the list at all.
 */
export function selfAssessmentVisibility(
	user: SessionUser | null,
	municipalityCode: string
): { kind: 'all' } | { kind: 'shared' } | { kind: 'sharedWithEvaluator'; userId: number } | null {
	if (!canOnMunicipalitySelfAssessments(user, 'selfAssessment.list', municipalityCode)) return null;
	if (ofMunicipality(user, municipalityCode)) return { kind: 'all' };
	if (isRole(user, 'coordinator')) return { kind: 'shared' };
	return { kind: 'sharedWithEvaluator', userId: user!.id };
}

/** Whose sheets of a self-assessment this user may read: all once compared, else their own. */
export function selfSheetVisibility(
	user: SessionUser | null,
	a: SelfAssessmentScope
): { all: true } | { all: false; ownerId: number | null } {
	if (canOnSelfAssessment(user, 'selfAssessment.compare', a)) return { all: true };
	const member = ofMunicipality(user, a.municipalityCode) && a.memberUserIds.includes(user.id);
	return { all: false, ownerId: member ? user.id : null };
}
