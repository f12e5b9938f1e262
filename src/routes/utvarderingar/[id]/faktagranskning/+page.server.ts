import { z } from 'zod';
import { actorOf } from '$lib/server/accounts/audit';
import {
	attempt,
	authorizeEvaluationRoute,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import { parseForm, readForm, refuse, typedValues } from '$lib/server/http/parse-form';
import {
	addFactCheckComment,
	answerFactCheckComment,
	closeFactCheckComment,
	listFactCheckComments
} from '$lib/server/scoring/fact-check';
import { loadDraftFindings } from '$lib/server/scoring/findings';
import { listAgreedScores } from '$lib/server/scoring/scores';
import { canOnFactCheckComment } from '$lib/server/auth/policy';
import { lifecycleActions, loadStageBox } from '$lib/server/actions/lifecycle';
import type { FactCheckTarget } from '$lib/domain/fact-check';
import type { Actions, PageServerLoad } from './$types';
import { textLimits } from '$lib/domain/limits';
import { formId, formText } from '$lib/schemas/form';
import { appOrigin } from '$lib/server/mail/config';
import { wakeOutbox } from '$lib/server/jobs/outbox';
import type { Rubric } from '$lib/domain/rubric';
import type { Locale } from '$lib/i18n';

/** How mail about a comment names its area, in the recipient's language, and where links point. */
const mailContext = (rubric: Rubric, origin: string) => ({
	origin: appOrigin(origin),
	area: (areaId: string, locale: Locale) => {
		const area = rubric.areas.find((a) => a.id === areaId);
		const title = (locale === 'en' ? area?.en?.title : undefined) ?? area?.title;
		return title ? `${areaId}. ${title}` : areaId;
	}
});

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'factCheck.read');
	const [findings, comments, agreed, stageBox] = await Promise.all([
		loadDraftFindings(locals.db, scope.id),
		listFactCheckComments(locals.db, scope.id),
		listAgreedScores(locals.db, scope.id),
		loadStageBox(locals, scope)
	]);
	const points = new Map(Object.values(agreed).map((a) => [a.subareaId, a.points]));
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

/** A text the page sends in a hidden field; absent or repeated is '' (no such target). */
const hiddenText = z.string().catch('');

/**
 * What a comment is on, from the form's hidden fields (which cannot be corrected at a field, so
 * they never refuse: an unknown target is refused by `targetOf`), and which form sent it.
 */
const targetForm = z.object({
	formKey: hiddenText,
	areaId: hiddenText,
	kind: z.string().catch('area'),
	findingId: formId,
	subareaId: hiddenText
});

/** The comment, the answer, and which comment an answer or a closing is for. */
const commentForm = z.object({ body: formText(textLimits.factCheck) });
const answerForm = z.object({ answer: formText(textLimits.factCheck) });
const commentIdForm = z.object({ commentId: formId });

/** The target a comment form names: the area, or one finding of it; null for no such target. */
function targetOf(
	{ areaId, kind, findingId, subareaId }: z.output<typeof targetForm>,
	areaIds: string[]
): FactCheckTarget | null {
	if (!areaIds.includes(areaId)) return null;
	if (kind === 'area') return { kind, areaId };
	if (kind === 'strength' || kind === 'improvement')
		return Number.isSafeInteger(findingId) && findingId > 0 ? { kind, areaId, findingId } : null;
	if (kind === 'narrative')
		return /^\d+\.\d+$/.test(subareaId) ? { kind, areaId, subareaId } : null;
	return null;
}

export const actions: Actions = refusingBadInput({
	...lifecycleActions,
	/** The municipality contact comments on an area of the draft or on one finding of it. */
	comment: async ({ locals, params, request, url }) => {
		const { scope, rubric, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'factCheck.comment'
		);
		const form = await request.formData();
		const named = readForm(form, targetForm);
		const { formKey } = named;
		// The text as written comes back with a refusal, beside the form that sent it.
		const context = { formKey, values: typedValues(form, 'body') };
		const target = targetOf(
			named,
			rubric.areas.map((a) => a.id)
		);
		if (!target) return refuse(locals, 'body', 'fc.errors.noSuchFinding', context);
		const parsed = parseForm(locals, form, commentForm, context);
		if (!parsed.ok) return parsed.failure;
		const { body } = parsed.data;
		const result = await attempt(
			locals,
			() =>
				addFactCheckComment(
					locals.db,
					actorOf(user),
					scope.id,
					target,
					body,
					mailContext(rubric, url.origin)
				),
			context
		);
		if (typeof result !== 'number') return result;
		wakeOutbox();
		return { commented: result };
	},
	/** The team answers an open comment. */
	answer: async ({ locals, params, request, url }) => {
		const { scope, rubric, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'factCheck.answer'
		);
		const form = await request.formData();
		const { commentId } = readForm(form, commentIdForm);
		const context = { commentId, values: typedValues(form, 'answer') };
		const parsed = parseForm(locals, form, answerForm, context);
		if (!parsed.ok) return parsed.failure;
		const { answer } = parsed.data;
		const result = await attempt(
			locals,
			() =>
				answerFactCheckComment(
					locals.db,
					actorOf(user),
					scope.id,
					commentId,
					answer,
					(c) => canOnFactCheckComment(user, 'answer', scope, c),
					mailContext(rubric, url.origin)
				),
			context
		);
		if (result !== undefined) return result;
		wakeOutbox();
		return { answered: commentId };
	},
	/** The contact closes a comment (or withdraws an open one); the team closes an answered one. */
	close: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'factCheck.read');
		const { commentId } = readForm(await request.formData(), commentIdForm);
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
