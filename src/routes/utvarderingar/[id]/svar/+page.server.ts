import { actorOf } from '$lib/server/accounts/audit';
import { z } from 'zod';
import {
	attempt,
	authorizeEvaluationRoute,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import { parseForm, refuse } from '$lib/server/http/parse-form';
import { formText, formVersion } from '$lib/schemas/form';
import { listWrittenAnswers, saveWrittenAnswer } from '$lib/server/sources/written-answers';
import {
	answerTargetId,
	answerTargetsOf,
	resolveAnswerTarget,
	sourceLimits
} from '$lib/domain/sources';
import { rubricText } from '$lib/domain/rubric';
import { importAnswers } from '$lib/server/actions/answer-files';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'writtenAnswer.read');
	const answers = await listWrittenAnswers(locals.db, scope.id);
	const answered = new Map(answers.map((a) => [answerTargetId(a), a]));
	return {
		/**
		 * The rubric as the municipality answers it, in the reader's language: per subarea, or per
		 * question where it has them.
		 */
		areas: rubric.areas.map((a) => ({
			id: a.id,
			title: rubricText(locals.locale, a).title,
			subareas: a.subareas.map((s) => ({
				id: s.id,
				title: rubricText(locals.locale, s).title,
				targets: answerTargetsOf({
					id: s.id,
					questions: s.questions?.map((q) => rubricText(locals.locale, q))
				}).map((t) => ({
					targetId: answerTargetId(t),
					questionText: t.questionText
				})),
				/**
				 * An answer to the subarea as a whole, written before the rubric gave it questions:
				 * shown (read-only) so that it is not lost; new answers go to the questions.
				 */
				earlierWhole: s.questions?.length && answered.get(s.id)?.answer.trim() ? s.id : null
			}))
		})),
		/** Answer per target id (subarea id, or question id). */
		answers: Object.fromEntries(
			answers.map((a) => [
				answerTargetId(a),
				{
					answer: a.answer,
					rowVersion: a.rowVersion,
					updatedAt: a.updatedAt,
					updatedBy: a.updatedBy
				}
			])
		)
	};
};

const targetForm = z.object({ targetId: formText(20) });
const answerForm = z.object({ answer: formText(sourceLimits.answer), version: formVersion });

export const actions: Actions = refusingBadInput({
	/**
	 * The municipality contact saves the answer to one subarea or question (autosaved; version-
	 * checked: a stale save is refused with 409 and the saved text beside the user's).
	 */
	save: async ({ locals, params, request }) => {
		const { scope, rubric, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'writtenAnswer.edit'
		);
		const form = await request.formData();
		const values = { answer: String(form.get('answer') ?? '') };
		const targeted = parseForm(locals, form, targetForm, { values });
		if (!targeted.ok) return targeted.failure;
		const { targetId } = targeted.data;
		const target = resolveAnswerTarget(rubric, targetId);
		if (!target) {
			return refuse(locals, '_form', 'src.errors.unknownTarget', { targetId, values });
		}
		const parsed = parseForm(locals, form, answerForm, { targetId, values });
		if (!parsed.ok) return parsed.failure;
		const { answer, version } = parsed.data;
		const result = await attempt(
			locals,
			() => saveWrittenAnswer(locals.db, actorOf(user), scope.id, target, answer, version),
			{ targetId, values }
		);
		return typeof result === 'number' ? { targetId, saved: true, version: result } : result;
	},
	/** An answered questions sheet (.xlsx) into the answers: all or nothing, conflicts listed. */
	importAnswers
});
