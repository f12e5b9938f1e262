import { error } from '@sveltejs/kit';
import { authorizeEvaluationRoute, refusingBadInput } from '$lib/server/http/evaluation-route';
import { listAgreedScores, loadOwnSheet } from '$lib/server/scoring/scores';
import { loadSubareaSources } from '$lib/server/sources/written-answers';
import { suggestPassages } from '$lib/server/documents/search';
import { loadPreviousContext } from '$lib/server/action-plans/follow-up';
import { saveAgreed, saveOwnScore } from '$lib/server/actions/scoring';
import { citePassage } from '$lib/server/actions/cite-passage';
import { areaOfSubarea, findSubarea, rubricText } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';
import { refusal } from '$lib/server/http/refusal';
import { partIn } from '$lib/server/auth/policy';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric, user } = await authorizeEvaluationRoute(
		locals,
		params.id,
		'evaluation.readDraft'
	);
	const subarea = findSubarea(rubric, params.subarea);
	if (!subarea) error(404, refusal('errors.subareaNotFound'));
	const area = areaOfSubarea(rubric, subarea.id)!;
	const onTeam = partIn(user, scope) === 'evaluator';
	const [sheet, agreed, sources, suggestions, previous] = await Promise.all([
		onTeam ? loadOwnSheet(locals.db, scope.id, user.id) : null,
		listAgreedScores(locals.db, scope.id),
		loadSubareaSources(locals.db, scope.id, subarea.id),
		suggestPassages(locals.db, scope.id, subarea, 5),
		loadPreviousContext(locals.db, scope.id, subarea.id)
	]);
	const ids = rubric.areas.flatMap((a) => a.subareas.map((s) => s.id));
	const i = ids.indexOf(subarea.id);
	const text = rubricText(locals.locale, subarea);
	const questions = (subarea.questions ?? []).map((q) => ({
		id: q.id,
		text: rubricText(locals.locale, q).text
	}));
	const questionText = new Map(questions.map((q) => [q.id, q.text]));
	return {
		/** The rubric's texts in the reader's language (Swedish where a text has no English). */
		subarea: {
			id: subarea.id,
			title: text.title,
			maxPoints: subarea.maxPoints,
			/** What the evaluators look for and what separates a low, a middle and a high score. */
			guidance: text.guidance ?? '',
			/** The written questions the municipality answers before the visit. */
			questions
		},
		area: { id: area.id, title: rubricText(locals.locale, area).title },
		/** Only the user's own blind score. */
		own: sheet
			? { score: sheet.scores[subarea.id] ?? null, submitted: Boolean(sheet.submittedAt) }
			: null,
		agreed: agreed[subarea.id] ?? null,
		/** The municipality's written answer(s) and the evidence items, shown side by side. */
		sources: {
			...sources,
			answers: sources.answers.map((a) => ({
				...a,
				questionText: a.questionId ? (questionText.get(a.questionId) ?? a.questionText) : null
			}))
		},
		suggestions,
		previous,
		neighbours: { prev: i > 0 ? ids[i - 1] : null, next: i < ids.length - 1 ? ids[i + 1] : null }
	};
};

export const actions: Actions = refusingBadInput({
	save: saveOwnScore,
	agree: saveAgreed,
	cite: citePassage
});
