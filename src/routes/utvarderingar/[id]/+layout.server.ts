import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { authorizeEvaluationRoute, permissions } from '$lib/server/http/evaluation-route';
import { findEvaluationDetail } from '$lib/server/evaluations/evaluations';
import { canOnEvaluation, evaluationActions, partIn } from '$lib/server/auth/policy';
import { listReadableShared } from '$lib/server/results/self-assessment-gap';
import { countFactCheckComments } from '$lib/server/scoring/fact-check';
import type { LayoutServerLoad } from './$types';
import { refusal } from '$lib/server/http/refusal';

export const load: LayoutServerLoad = async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.read');
	const detail = await findEvaluationDetail(locals.db, scope.id);
	if (!detail) error(404, refusal('errors.evaluationNotFound'));
	return {
		/** The evaluation as every page of it needs it. */
		evaluation: {
			id: detail.id,
			municipalityCode: detail.municipalityCode,
			municipalityName: detail.municipalityName,
			year: detail.year,
			status: detail.status,
			rubricId: detail.rubricId,
			rubricTitle: rubric.title,
			/** The language of the team's texts: pages mark authored text with it (`lang`). */
			textLanguage: detail.textLanguage,
			previousEvaluationId: detail.previousEvaluationId
		},
		/** What the user may do here: drives the sub-navigation and which forms are shown. */
		can: permissions(locals, scope, [...evaluationActions]),
		onTeam: partIn(user, scope) === 'evaluator',
		/** The municipality shared a self-assessment this user may now read (the appendix). */
		selfAssessmentShared: (await listReadableShared(locals.db, user, scope.id)).length > 0,
		/**
		 * The fact check's comments per status, for those who may read it (the navigation counts
		 * the open ones for the team, the overview shows all three); null before it starts.
		 */
		factCheck: canOnEvaluation(locals.user, 'factCheck.read', scope)
			? await countFactCheckComments(locals.db, scope.id)
			: null
	};
};
