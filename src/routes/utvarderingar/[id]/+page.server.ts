import { fail } from '@sveltejs/kit';
import { actorOf } from '$lib/server/repositories/audit';
import { requireUser } from '$lib/server/auth/guard';
import {
	attempt,
	authorizeEvaluationRoute,
	textField,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import {
	declareNoConflict,
	findEvaluationDetail,
	transitionEvaluation
} from '$lib/server/repositories/evaluations';
import { loadProgressFacts } from '$lib/server/repositories/progress';
import {
	listPublishedVersions,
	publishEvaluation,
	reopenEvaluation
} from '$lib/server/repositories/publishing';
import { possibleMoves, stages, type EvaluationStatus } from '$lib/domain/lifecycle';
import type { Actions, PageServerLoad } from './$types';
import { textLimits } from '$lib/domain/limits';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// Signed in, as the layout requires: a published evaluation's public face is /kommuner.
	const user = requireUser(locals, url);
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.read');
	const detail = (await findEvaluationDetail(locals.db, scope.id))!;
	const seesDraft = user.role === 'coordinator' || scope.teamUserIds.includes(user.id);
	return {
		detail: {
			visitStart: detail.visitStart,
			visitEnd: detail.visitEnd,
			contact: detail.contact ? { name: detail.contact.name || detail.contact.email } : null,
			team: detail.team.map((m) => ({
				id: m.id,
				name: m.name || m.email,
				noConflict: Boolean(m.noConflictDeclaredAt),
				submitted: Boolean(m.submittedAt)
			}))
		},
		/** Per-area progress and the gap facts; only for those who see the draft. */
		progress: seesDraft ? await loadProgressFacts(locals.db, scope.id) : null,
		moves: possibleMoves(scope.status),
		versions: await listPublishedVersions(locals.db, scope.id),
		declared: scope.conflictFreeUserIds.includes(user.id)
	};
};

export const actions: Actions = refusingBadInput({
	/** The evaluator declares having no conflict of interest (jäv). */
	declare: async ({ locals, params }) => {
		const { scope, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'evaluation.declareNoConflict'
		);
		await declareNoConflict(locals.db, actorOf(user), scope.id);
		return { declared: true };
	},
	/** Moves the evaluation one stage forward or back; gaps need an explicit confirmation. */
	move: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'evaluation.transition'
		);
		const form = await request.formData();
		const to = String(form.get('to') ?? '') as EvaluationStatus;
		if (!stages.includes(to)) return fail(400, { errors: { _form: 'Okänt steg' } });
		const result = await attempt(locals, () =>
			transitionEvaluation(locals.db, actorOf(user), scope.id, to, {
				confirmGaps: form.get('confirm') === 'on'
			})
		);
		if (!('ok' in result)) return result;
		if (!result.ok)
			return fail(result.blocked ? 409 : 400, { to, gaps: result.gaps, blocked: result.blocked });
		return { moved: to };
	},
	/** Publishes: freezes a snapshot as a new published version. */
	publish: async ({ locals, params }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.publish');
		const result = await attempt(locals, () =>
			publishEvaluation(locals.db, actorOf(user), scope.id)
		);
		if (!('version' in result)) return result;
		return { published: result.version };
	},
	/** Reopens a published evaluation for a correction, with a written reason. */
	reopen: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.reopen');
		const reason = textField(await request.formData(), 'reason', textLimits.reason);
		const result = await attempt(
			locals,
			() => reopenEvaluation(locals.db, actorOf(user), scope.id, reason),
			{ values: { reason } }
		);
		if (result && typeof result === 'object' && 'status' in result) return result;
		return { reopened: true };
	}
});
