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
	if (!canOnEvaluation(locals.user, action, scope)) {
		error(403, refusal('errors.forbidden'));
	}
	return scope;
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
