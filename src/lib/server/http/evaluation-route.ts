/**
 * Shared by every /utvarderingar/[id] route: resolve the id, ask the policy, load the rubric,
 * and turn domain refusals into form failures in the user's language.
 */
import { fail, type Action, type ActionFailure } from '@sveltejs/kit';
import { authorizeEvaluation } from '../auth/guard';
import {
	canOnEvaluation,
	type AnonymousEvaluationAction,
	type EvaluationAction,
	type EvaluationScope
} from '../auth/policy';
import type { SessionUser } from '../auth/types';
import { findEvaluationScope, parseEvaluationId, type OwnSheet } from '../evaluations/scope';
import { getRubricOrThrow } from '../register/rubrics';
import { StaleWriteError } from '../db/versioned';
import { DomainError } from '../errors';
import { rubricInLocale, type Rubric } from '$lib/domain/rubric';
import { translateKey, isMessageKey } from '$lib/i18n/lookup';
import { m } from '$lib/paraglide/messages.js';

/** Who is acting: signed in for every action but the few the policy grants to anyone. */
export type RouteUser<A extends EvaluationAction> = A extends AnonymousEvaluationAction
	? SessionUser | null
	: SessionUser;

export interface EvaluationContext<A extends EvaluationAction = EvaluationAction> {
	scope: EvaluationScope;
	rubric: Rubric;
	evaluationId: number;
	user: RouteUser<A>;
	/** With `{ ownSheet: true }`: the user's own blind sheet, null before its first save. */
	ownSheet?: OwnSheet | null;
}

/**
 * 404 for those who may not see the evaluation, 403 for those who may not do `action`. With
 * `ownSheet`, the signed-in user's own sheet comes in the same query (a save's only other need).
 */
export async function authorizeEvaluationRoute<A extends EvaluationAction>(
	locals: App.Locals,
	idParam: string,
	action: A,
	options: { ownSheet?: boolean } = {}
): Promise<EvaluationContext<A>> {
	const evaluationId = parseEvaluationId(idParam);
	const found = await findEvaluationScope(
		locals.db,
		evaluationId,
		options.ownSheet ? locals.user?.id : undefined
	);
	const scope = authorizeEvaluation(locals, action, found);
	// The policy granted `action`; beyond anonymousEvaluationActions it grants nothing without a
	// user (tests/unit/policy.test.ts holds it to that), so the user is there when the type says so.
	const user = locals.user as RouteUser<A>;
	return {
		scope,
		// In the reader's language: every page and message names areas and subareas by title.
		rubric: rubricInLocale(await getRubricOrThrow(locals.db, scope.rubricId), locals.locale),
		evaluationId,
		user,
		ownSheet: found?.ownSheet
	};
}

/** The subset of actions a page needs to decide what to show. */
export function permissions<A extends EvaluationAction>(
	locals: App.Locals,
	scope: EvaluationScope,
	actions: A[]
): Record<A, boolean> {
	return Object.fromEntries(
		actions.map((a) => [a, canOnEvaluation(locals.user, a, scope)])
	) as Record<A, boolean>;
}

/**
 * Runs a write and maps refusals: DomainError → 400/403/404/409 with the message at its field;
 * StaleWriteError → 409 with the current saved text for comparison.
 */
/** What a refused write answers: the caller's context, a message per field, a stale row. */
export type Refusal<C> = C & {
	errors: Record<string, string>;
	stale?: { current: Record<string, unknown> | null };
};

export async function attempt<T, C extends object = object>(
	locals: App.Locals,
	work: () => Promise<T>,
	context: C = {} as C
): Promise<T | ActionFailure<Refusal<C>>> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof StaleWriteError) {
			return fail(409, {
				...context,
				stale: { current: e.current },
				errors: { _form: m['ws.stale.title']({}, { locale: locals.locale }) }
			});
		}
		if (e instanceof DomainError) return refusal(locals, e, context);
		throw e;
	}
}

function refusal<C extends object>(
	locals: App.Locals,
	e: DomainError,
	context: C = {} as C
): ActionFailure<Refusal<C>> {
	const message = isMessageKey(e.message)
		? translateKey(e.message, e.vars, { locale: locals.locale })
		: e.message;
	return fail(e.status, { ...context, errors: { [e.field]: message } as Record<string, string> });
}

/**
 * Wraps a route's form actions so that a refusal raised while reading the form (a text over its
 * limit, say) answers like any other: 400 with the message at its field, nothing written.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's actions, typed by the route
export function refusingBadInput<T extends Record<string, Action<any, any, any>>>(actions: T): T {
	return Object.fromEntries(
		Object.entries(actions).map(([name, action]) => [
			name,
			async (event: Parameters<typeof action>[0]) => {
				try {
					return await action(event);
				} catch (e) {
					if (e instanceof DomainError) return refusal(event.locals, e);
					throw e;
				}
			}
		])
	) as T;
}
