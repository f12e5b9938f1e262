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
	closeFactCheckComment,
	listFactCheckComments
} from '$lib/server/repositories/fact-check';
import { loadDraftFindings } from '$lib/server/repositories/findings';
import { canOnFactCheckComment } from '$lib/server/auth/policy';
import { lifecycleActions, loadStageBox } from '$lib/server/actions/lifecycle';
import type { FactCheckTarget } from '$lib/domain/fact-check';
import type { Actions, PageServerLoad } from './$types';
import { textLimits } from '$lib/domain/limits';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'factCheck.read');
	const [findings, comments, agreed, stageBox] = await Promise.all([
		loadDraftFindings(locals.db, scope.id),
		listFactCheckComments(locals.db, scope.id),
		locals.db
			.selectFrom('agreed_score')
			.select(['subarea_id', 'points'])
			.where('evaluation_id', '=', scope.id)
			.execute(),
		loadStageBox(locals, scope)
	]);
	const points = new Map(agreed.map((a) => [a.subarea_id, a.points]));
	return {
		/**
		 * The draft per area, finding by finding (the report's texts), each with the id a comment
		 * points at: the excerpt the comments sit beside.
		 */
		areas: rubric.areas.map((a) => ({
			id: a.id,
			title: a.title,
			max: a.maxPoints,
			achieved: a.subareas.reduce<number | null>(
				(sum, s) => (points.has(s.id) ? (sum ?? 0) + points.get(s.id)! : sum),
				null
			),
			general: findings.generals[a.id]?.text ?? '',
			narratives: a.subareas.map((s) => ({
				id: s.id,
				title: s.title,
				max: s.maxPoints,
				points: points.get(s.id) ?? null,
				text: findings.narratives[s.id]?.text ?? ''
			})),
			strengths: findings.strengths
				.filter((s) => s.areaId === a.id)
				.map((s) => ({ id: s.id, text: s.text, goldStar: Boolean(s.goldStar) })),
			improvements: findings.improvements
				.filter((s) => s.areaId === a.id)
				.map((s) => ({ id: s.id, text: s.text }))
		})),
		/** Every comment, with what this user may do with it next. */
		comments: comments.map((c) => ({
			...c,
			mayAnswer: canOnFactCheckComment(locals.user, 'answer', scope, c),
			mayClose: canOnFactCheckComment(locals.user, 'close', scope, c)
		})),
		/** The stage box (Publicera first, above the fold) for those who move or publish. */
		stageBox
	};
};

/** The target a comment form names: the area, or one finding of it. */
function targetOf(form: FormData, areaIds: string[]): FactCheckTarget | null {
	const areaId = String(form.get('areaId') ?? '');
	if (!areaIds.includes(areaId)) return null;
	const kind = String(form.get('kind') ?? 'area');
	if (kind === 'area') return { kind, areaId };
	if (kind === 'strength' || kind === 'improvement') {
		const findingId = intField(form, 'findingId');
		return Number.isSafeInteger(findingId) && findingId > 0 ? { kind, areaId, findingId } : null;
	}
	if (kind === 'narrative') {
		const subareaId = String(form.get('subareaId') ?? '');
		return /^\d+\.\d+$/.test(subareaId) ? { kind, areaId, subareaId } : null;
	}
	return null;
}

export const actions: Actions = refusingBadInput({
	...lifecycleActions,
	/** The municipality contact comments on an area of the draft or on one finding of it. */
	comment: async ({ locals, params, request }) => {
		const { scope, rubric, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'factCheck.comment'
		);
		const form = await request.formData();
		const target = targetOf(
			form,
			rubric.areas.map((a) => a.id)
		);
		const formKey = String(form.get('formKey') ?? '');
		if (!target)
			return fail(400, {
				formKey,
				errors: { body: m['fc.errors.noSuchFinding']({}, { locale: locals.locale }) }
			});
		const body = textField(form, 'body', textLimits.factCheck);
		const result = await attempt(
			locals,
			() => addFactCheckComment(locals.db, actorOf(user), scope.id, target, body),
			{ formKey, values: { body } }
		);
		return typeof result === 'number' ? { commented: result } : result;
	},
	/** The team answers an open comment. */
	answer: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'factCheck.answer');
		const form = await request.formData();
		const commentId = intField(form, 'commentId');
		const answer = textField(form, 'answer', textLimits.factCheck);
		const result = await attempt(
			locals,
			() =>
				answerFactCheckComment(locals.db, actorOf(user), scope.id, commentId, answer, (c) =>
					canOnFactCheckComment(user, 'answer', scope, c)
				),
			{ commentId, values: { answer } }
		);
		return result === undefined ? { answered: commentId } : result;
	},
	/** The contact closes a comment (or withdraws an open one); the team closes an answered one. */
	close: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'factCheck.read');
		const commentId = intField(await request.formData(), 'commentId');
		const result = await attempt(
			locals,
			() =>
				closeFactCheckComment(locals.db, actorOf(user), scope.id, commentId, (c) =>
					canOnFactCheckComment(user, 'close', scope, c)
				),
			{ commentId }
		);
		return result === undefined ? { closed: commentId } : result;
	}
});
