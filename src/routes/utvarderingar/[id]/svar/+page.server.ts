import { actorOf } from '$lib/server/audit';
import { attempt, authorizeEvaluationRoute, intField, textField } from '$lib/server/evaluation-route';
import { listWrittenAnswers, saveWrittenAnswer } from '$lib/server/repositories/sources';
import { findSubarea } from '$lib/domain/rubric';
import { DomainError } from '$lib/server/repositories/versioned';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'writtenAnswer.read');
	return {
		areas: rubric.areas.map((a) => ({ id: a.id, title: a.title, subareas: a.subareas.map((s) => ({ id: s.id, title: s.title, guidance: s.guidance ?? '' })) })),
		answers: await listWrittenAnswers(locals.db, scope.id)
	};
};

export const actions: Actions = {
	/** The municipality contact saves the answer for one subarea (version-checked). */
	default: async ({ locals, params, request }) => {
		const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'writtenAnswer.edit');
		const form = await request.formData();
		const subareaId = textField(form, 'subareaId', 10);
		const answer = textField(form, 'answer', 50000);
		const result = await attempt(
			locals,
			async () => {
				if (!findSubarea(rubric, subareaId)) throw new DomainError('ws.errors.unknownSubarea', 'subareaId', 404);
				return saveWrittenAnswer(locals.db, actorOf(locals.user!), scope.id, subareaId, answer, intField(form, 'version') || 0);
			},
			{ subareaId, values: { justification: answer } }
		);
		return typeof result === 'number' ? { subareaId, saved: true, version: result } : result;
	}
};
