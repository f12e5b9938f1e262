import { error } from '@sveltejs/kit';
import { authorizeEvaluationRoute } from '$lib/server/http/evaluation-route';
import { listAgreedScores } from '$lib/server/scoring/scores';
import { listSelfAgreed } from '$lib/server/self-assessment/sheets';
import { listReadableShared } from '$lib/server/results/self-assessment-gap';
import { chooseAverage } from '$lib/server/results/profile';
import { gapBySubarea } from '$lib/domain/self-assessment';
import { rubricOutline } from '$lib/domain/rubric';
import type { PageServerLoad } from './$types';
import { refusal } from '$lib/server/http/refusal';

/**
 * The report's appendix "Självskattning jämfört med utvärderarnas bedömning": each self-assessment
 * the municipality shared with this evaluation, against the team's agreed scores. Only for those
 * the policy lets read it (evaluators once their own sheet is in, the coordinator); never on the
 * public report.
 */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric, user } = await authorizeEvaluationRoute(
		locals,
		params.id,
		'evaluation.read'
	);
	const shared = (await listReadableShared(locals.db, user, scope.id)).filter(
		(a) => a.rubricId === rubric.id
	);
	if (!shared.length) error(404, refusal('errors.noSharedSelfAssessment'));
	const [team, average] = await Promise.all([
		listAgreedScores(locals.db, scope.id),
		chooseAverage(locals.db, rubric, null, locals.locale)
	]);
	const evaluators = Object.fromEntries(Object.values(team).map((s) => [s.subareaId, s.points]));
	const national = Object.fromEntries(
		Object.entries(average.national.subareas).map(([id, m]) => [id, m.mean])
	);
	return {
		areas: rubricOutline(rubric, locals.locale),
		appendices: await Promise.all(
			shared.map(async (a) => {
				const agreed = await listSelfAgreed(locals.db, a.id);
				const self = Object.fromEntries(Object.values(agreed).map((s) => [s.subareaId, s.points]));
				return {
					id: a.id,
					name: a.name,
					assessedOn: a.assessedOn,
					gap: gapBySubarea(rubric, self, evaluators, national)
				};
			})
		)
	};
};
