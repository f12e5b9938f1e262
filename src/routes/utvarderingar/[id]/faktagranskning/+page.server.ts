import { fail } from '@sveltejs/kit';
import { actorOf } from '$lib/server/repositories/audit';
import {
	attempt,
	authorizeEvaluationRoute,
	intField,
	textField,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import {
	addFactCheckComment,
	answerFactCheckComment,
	listFactCheckComments
} from '$lib/server/repositories/fact-check';
import type { Actions, PageServerLoad } from './$types';
import { textLimits } from '$lib/domain/limits';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'factCheck.read');
	return {
		areas: rubric.areas.map((a) => ({ id: a.id, title: a.title })),
		comments: await listFactCheckComments(locals.db, scope.id)
	};
};

export const actions: Actions = refusingBadInput({
	/** The municipality contact comments on an area of the draft. */
	comment: async ({ locals, params, request }) => {
		const { scope, rubric, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'factCheck.comment'
		);
		const form = await request.formData();
		const areaId = textField(form, 'areaId', 5);
		if (!rubric.areas.some((a) => a.id === areaId))
			return fail(400, { errors: { areaId: 'Okänt område' } });
		const body = textField(form, 'body', textLimits.factCheck);
		const result = await attempt(
			locals,
			() => addFactCheckComment(locals.db, actorOf(user), scope.id, areaId, body),
			{ areaId, values: { body } }
		);
		return result === undefined ? { commented: areaId } : result;
	},
	/** The team answers a comment. */
	answer: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'factCheck.answer');
		const form = await request.formData();
		const commentId = intField(form, 'commentId');
		const result = await attempt(
			locals,
			() =>
				answerFactCheckComment(
					locals.db,
					actorOf(user),
					scope.id,
					commentId,
					textField(form, 'answer', textLimits.factCheck)
				),
			{ commentId }
		);
		return result === undefined ? { answered: commentId } : result;
	}
});
