/**
 * The stage box's actions — move one stage forward or back, publish — shared by the pages that
 * show the box (the overview and the fact check), so each answers on the page it was used on.
 */
import { appOrigin } from '$lib/server/mail/config';
import { wakeOutbox } from '$lib/server/jobs/outbox';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { actorOf } from '../accounts/audit';
import { attempt, authorizeEvaluationRoute } from '../http/evaluation-route';
import { parseForm, readForm } from '../http/parse-form';
import { transitionEvaluation } from '../evaluations/transitions';
import { loadPublishSummary, publishEvaluation } from '../published/publishing';
import { canOnEvaluation, type EvaluationScope } from '../auth/policy';
import {
	isBefore,
	possibleMoves,
	stages,
	type EvaluationStatus,
	type Gap
} from '$lib/domain/lifecycle';
import { formCheckbox, formList } from '$lib/schemas/form';

type Event = RequestEvent<{ id: string }>;

/** A move: the stage to go to (a hidden field) and the confirmation that gaps are known. */
const moveForm = z.object({
	to: z.enum(stages, 'ws.errors.badMove'),
	confirm: formCheckbox
});

/** Publishing: the open fact-check comments the publisher confirmed, by id (others are ignored). */
const publishForm = z.object({
	confirmOpen: formList().transform((ids) =>
		ids.filter((v) => /^[1-9]\d{0,9}$/.test(v)).map(Number)
	)
});

/**
 * Moves the evaluation one stage forward or back; gaps need an explicit confirmation. From a
 * page the new stage no longer shows (the fact check, moved back), it goes to the overview.
 */
async function move({ locals, params, request, url }: Event) {
	const { scope, user } = await authorizeEvaluationRoute(
		locals,
		params.id,
		'evaluation.transition'
	);
	const parsed = parseForm(locals, await request.formData(), moveForm, { stageBox: true }, ['to']);
	if (!parsed.ok) return parsed.failure;
	const { to, confirm } = parsed.data;
	const result = await attempt(
		locals,
		() =>
			transitionEvaluation(locals.db, actorOf(user), scope.id, to, {
				confirmGaps: confirm,
				origin: appOrigin(url.origin)
			}),
		{ stageBox: true }
	);
	if (!('ok' in result)) return result;
	if (!result.ok)
		return fail(result.blocked ? 409 : 400, { to, gaps: result.gaps, blocked: result.blocked });
	wakeOutbox();
	if (url.pathname.endsWith('/faktagranskning') && isBefore(to, 'faktagranskning'))
		redirect(303, `/utvarderingar/${scope.id}?flyttad=${to}`);
	return { moved: to };
}

/**
 * Publishes: freezes a snapshot as a new published version. Open fact-check comments must each
 * be confirmed by id (`confirmOpen`); otherwise it is refused and nothing changes.
 */
async function publish({ locals, params, request }: Event) {
	const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'evaluation.publish');
	const { confirmOpen: confirmedOpenComments } = readForm(await request.formData(), publishForm);
	const result = await attempt(
		locals,
		() => publishEvaluation(locals.db, actorOf(user), scope.id, { confirmedOpenComments }),
		{ stageBox: true }
	);
	if (!('version' in result)) return result;
	return { published: result.version };
}

export const lifecycleActions = { move, publish };

/**
 * What the stage box reads of its page's `form`: a move's or publishing's answer. Any page's
 * ActionData that spreads lifecycleActions fits it.
 */
export type StageBoxResult = {
	stageBox?: boolean;
	errors?: Record<string, string>;
	moved?: EvaluationStatus;
	published?: number;
	to?: EvaluationStatus;
	gaps?: Gap[];
	blocked?: boolean;
};

/**
 * What the stage box shows this user: the moves they may make and, for the publisher, the last
 * summary before publishing (read only when publishing is possible: it is not free).
 */
export async function loadStageBox(locals: App.Locals, scope: EvaluationScope) {
	const canTransition = canOnEvaluation(locals.user, 'evaluation.transition', scope);
	const canPublish = canOnEvaluation(locals.user, 'evaluation.publish', scope);
	return {
		status: scope.status,
		moves: canTransition ? possibleMoves(scope.status) : [],
		canPublish,
		summary: canPublish ? await loadPublishSummary(locals.db, scope.id) : null
	};
}

export type StageBoxData = Awaited<ReturnType<typeof loadStageBox>>;
