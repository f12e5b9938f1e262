import { actorOf } from '$lib/server/accounts/audit';
import { requireUser } from '$lib/server/auth/guard';
import { canOnEvaluation, partIn } from '$lib/server/auth/policy';
import { z } from 'zod';
import {
	attempt,
	authorizeEvaluationRoute,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import { parseForm, typedValues } from '$lib/server/http/parse-form';
import { declareNoConflict, findEvaluationDetail } from '$lib/server/evaluations/evaluations';
import { loadProgressFacts } from '$lib/server/scoring/progress';
import { listPublishedVersions, reopenEvaluation } from '$lib/server/published/publishing';
import { lifecycleActions, loadStageBox } from '$lib/server/actions/lifecycle';
import type { Actions, PageServerLoad } from './$types';
import { textLimits } from '$lib/domain/limits';
import { loadTasks } from '$lib/server/evaluations/tasks';
import { todayInSweden } from '$lib/domain/tasks';
import { formText } from '$lib/schemas/form';
import { findBaseline, listFollowUps } from '$lib/server/evaluations/links';
import { findEvaluationScope } from '$lib/server/evaluations/scope';
import type { Database } from '$lib/server/db';
import type { SessionUser } from '$lib/server/auth/types';

/** The baseline and the follow-ups of an evaluation, only those the user may open. */
async function loadEvaluationLinks(db: Database, user: SessionUser, id: number) {
	const [baseline, followUps] = await Promise.all([findBaseline(db, id), listFollowUps(db, id)]);
	const readable = async (e: { id: number; year: number }) => {
		const scope = await findEvaluationScope(db, e.id);
		return scope && canOnEvaluation(user, 'evaluation.read', scope)
			? { id: e.id, year: e.year }
			: null;
	};
	return {
		baseline: baseline ? await readable(baseline) : null,
		followUps: (await Promise.all(followUps.map(readable))).filter((e) => e !== null)
	};
}

/** The reopening form: why the published evaluation is opened for a correction. */
const reopenForm = z.object({ reason: formText(textLimits.reason) });

export const load: PageServerLoad = async ({ locals, params, url }) => {
	// Signed in, as the layout requires: a published evaluation's public face is /kommuner.
	const user = requireUser(locals, url);
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.read');
	const detail = (await findEvaluationDetail(locals.db, scope.id))!;
	const seesDraft = canOnEvaluation(user, 'evaluation.readDraft', scope);
	// Set-up, tasks and deadlines (issue 15): what is this user's to do next, with its date.
	const planned = await loadTasks(
		locals.db,
		scope.id,
		user.id,
		partIn(user, scope),
		todayInSweden()
	);
	return {
		planned,
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
		progress: seesDraft ? await loadProgressFacts(locals.db, scope.id, locals.locale) : null,
		/** The stage box: moves, and the last summary before publishing. */
		stageBox: await loadStageBox(locals, scope),
		versions: await listPublishedVersions(locals.db, scope.id),
		/** The evaluation this one follows up and those following it up, that this user may open. */
		links: await loadEvaluationLinks(locals.db, user, scope.id),
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
	...lifecycleActions,
	/** Reopens a published evaluation for a correction, with a written reason. */
	reopen: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.reopen');
		const form = await request.formData();
		// The reason as typed comes back with a refusal, so the user does not write it again.
		const context = { values: typedValues(form, 'reason') };
		const parsed = parseForm(locals, form, reopenForm, context);
		if (!parsed.ok) return parsed.failure;
		const { reason } = parsed.data;
		const result = await attempt(
			locals,
			() => reopenEvaluation(locals.db, actorOf(user), scope.id, reason),
			context
		);
		return result === undefined ? { reopened: true } : result;
	}
});
