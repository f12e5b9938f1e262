import { rubricOutline, subareaGuidance } from '$lib/domain/rubric';
import { error } from '@sveltejs/kit';
import { authorizeEvaluationRoute, refusingBadInput } from '$lib/server/http/evaluation-route';
import { loadOwnSheet } from '$lib/server/scoring/scores';
import { countEvidenceBySubarea } from '$lib/server/sources/evidence-counts';
import { loadPreviousScores } from '$lib/server/action-plans/follow-up';
import { saveOwnScore, submitOwnSheet } from '$lib/server/actions/scoring';
import { importOwnSheet } from '$lib/server/actions/sheet-file';
import type { Actions, PageServerLoad } from './$types';
import { refusal } from '$lib/server/http/refusal';
import { partIn } from '$lib/server/auth/policy';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric, user } = await authorizeEvaluationRoute(
		locals,
		params.id,
		'evaluation.readDraft'
	);
	// Only the team has sheets (the coordinator reads the draft, has no sheet).
	if (partIn(user, scope) !== 'evaluator') error(403, refusal('errors.teamOnlySheets'));
	const [sheet, evidenceCounts, previous] = await Promise.all([
		loadOwnSheet(locals.db, scope.id, user.id),
		countEvidenceBySubarea(locals.db, scope.id),
		loadPreviousScores(locals.db, scope.id)
	]);
	return {
		areas: rubricOutline(rubric, locals.locale),
		/** Each subarea's guidance and questions, shown on demand beside its score. */
		guidance: subareaGuidance(rubric, locals.locale),
		/** Only the user's own sheet: scoring is blind until every sheet is submitted. */
		sheet,
		/** Evidence items per subarea (the team's shared sources, not anyone's sheet). */
		evidenceCounts,
		/** On a re-evaluation: last time's published subarea scores, as context. */
		previous
	};
};

export const actions: Actions = refusingBadInput({
	save: saveOwnScore,
	submit: submitOwnSheet,
	importSheet: importOwnSheet
});
