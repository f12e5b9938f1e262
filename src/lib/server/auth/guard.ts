/**
 * Route-side use of the policy: every load, action and endpoint calls one of these instead of
 * checking roles itself.
 */
import { error, redirect } from '@sveltejs/kit';
import {
	canGlobal,
	canOnEvaluation,
	type EvaluationAction,
	type EvaluationScope,
	type GlobalAction
} from './policy';
import {
	canOnMunicipalitySelfAssessments,
	canOnSelfAssessment,
	type MunicipalitySelfAssessmentAction,
	type SelfAssessmentAction,
	type SelfAssessmentScope
} from './policy';
import type { SessionUser } from './types';
import { refusal } from '$lib/server/http/refusal';
import { translator } from '$lib/i18n/lookup';
import { actorOfStage, openingStage } from '$lib/domain/stage-steps';
import type { EvaluationStatus } from '$lib/domain/lifecycle';

/** The signed-in user, or a redirect to the sign-in page that returns here afterwards. */
export function requireUser(locals: App.Locals, url?: URL): SessionUser {
	if (!locals.user) {
		const returnTo = url ? `?returnTo=${encodeURIComponent(url.pathname + url.search)}` : '';
		redirect(303, `/logga-in${returnTo}`);
	}
	if (locals.user.mustChangePassword && url && url.pathname !== '/konto/losenord') {
		redirect(303, '/konto/losenord');
	}
	return locals.user;
}

/** A programme-wide action: 403 for signed-in users who may not, sign-in for anonymous ones. */
export function authorizeGlobal(locals: App.Locals, action: GlobalAction, url?: URL): SessionUser {
	const user = requireUser(locals, url);
	if (!canGlobal(user, action)) error(403, refusal('errors.forbidden'));
	return user;
}

/**
 * An action on one evaluation. Those who may not even see it get 404, so an unpublished
 * evaluation's existence does not leak; those who see it but may not act get 403.
 */
export function authorizeEvaluation<S extends EvaluationScope>(
	locals: App.Locals,
	action: EvaluationAction,
	scope: S | undefined
): S {
	if (!scope || !canOnEvaluation(locals.user, 'evaluation.read', scope)) {
		error(404, refusal('errors.evaluationNotFound'));
	}
	if (!canOnEvaluation(locals.user, action, scope)) error(403, refusalOf(locals, action, scope));
	return scope;
}

/**
 * Why an evaluation action is refused, in the reader's language: "not yet" says what opens it —
 * the declaration of no conflict of interest (with a link to it), or the stage that opens it and
 * who acts in the stage now — and only what no later stage allows is a plain "no".
 */
export function refusalOf(
	locals: Pick<App.Locals, 'user' | 'locale'>,
	action: EvaluationAction,
	scope: EvaluationScope
): App.Error {
	const t = translator(locals.locale);
	const user = locals.user;
	const stage = (s: EvaluationStatus) => t(`stage.${s}`);
	const now = {
		current: stage(scope.status),
		actor: t(`lock.actor.${actorOfStage[scope.status]}`)
	};
	if (user && !scope.conflictFreeUserIds.includes(user.id)) {
		const declared = { ...scope, conflictFreeUserIds: [...scope.conflictFreeUserIds, user.id] };
		if (canOnEvaluation(user, action, declared))
			return {
				translated: true,
				message: t('lock.declareFirst'),
				href: `/utvarderingar/${scope.id}#team-h`,
				linkText: t('lock.declareLink')
			};
	}
	const opens = openingStage(scope.status, (status) =>
		canOnEvaluation(user, action, { ...scope, status })
	);
	if (opens)
		return { translated: true, message: t('lock.opensAt', { stage: stage(opens), ...now }) };
	return { translated: true, message: t('errors.forbidden') };
}

/**
 * An action on a municipality's self-assessments. They are private: anyone who may not list them
 * (anonymous, other municipalities) gets 404, as if there were none.
 */
export function authorizeSelfAssessments(
	locals: App.Locals,
	action: MunicipalitySelfAssessmentAction,
	municipalityCode: string
): SessionUser {
	if (!canOnMunicipalitySelfAssessments(locals.user, 'selfAssessment.list', municipalityCode))
		error(404, refusal('errors.notFound'));
	if (!canOnMunicipalitySelfAssessments(locals.user, action, municipalityCode))
		error(403, refusal('errors.forbidden'));
	return locals.user!;
}

/** An action on one self-assessment: 404 for those who may not see it, 403 for the rest. */
export function authorizeSelfAssessment<S extends SelfAssessmentScope>(
	locals: App.Locals,
	action: SelfAssessmentAction,
	scope: S | undefined
): { scope: S; user: SessionUser } {
	if (!scope || !canOnSelfAssessment(locals.user, 'selfAssessment.read', scope))
		error(404, refusal('errors.selfAssessmentNotFound'));
	if (!canOnSelfAssessment(locals.user, action, scope)) error(403, refusal('errors.forbidden'));
	return { scope, user: locals.user! };
}
