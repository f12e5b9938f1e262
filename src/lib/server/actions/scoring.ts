/** Form actions shared by the sheet overview and the single-subarea scoring view. */
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '../accounts/audit';
import { z } from 'zod';
import {
	attempt,
	authorizeEvaluationRoute,
	type EvaluationContext
} from '../http/evaluation-route';
import { parseForm, refuse } from '../http/parse-form';
import { loadOwnSheet, saveAgreedScore, saveSheetScore, submitSheet } from '../scoring/scores';
import { unscoredSubareas } from '$lib/domain/scoring';
import { agreeEqualScores } from '../scoring/calibration';
import { pointsOf, scoreFormSchema } from '$lib/schemas/score-form';

type Event = RequestEvent<{ id: string }>;

/**
 * A score-saving action: reads the score form, saves it with `save` (version-checked), and
 * answers the subarea with its new version or the refusal with the values as typed.
 */
function scoreAction(
	permission: 'sheet.edit' | 'score.agree',
	save: (
		event: Event,
		context: EvaluationContext<'sheet.edit' | 'score.agree'>,
		score: z.output<typeof scoreFormSchema>
	) => Promise<number>
) {
	return async (event: Event) => {
		const { locals, params, request } = event;
		// A blind save gets the scope and the user's sheet in one query, the rubric from its cache:
		// with the session lookup and the one-statement write, three round trips to the database.
		const context = await authorizeEvaluationRoute(locals, params.id, permission, {
			ownSheet: permission === 'sheet.edit'
		});
		const form = parseForm(locals, await request.formData(), scoreFormSchema);
		if (!form.ok) return form.failure;
		const { subareaId, points, justification } = form.data;
		const values = { subareaId, points, justification };
		const result = await attempt(locals, () => save(event, context, form.data), {
			subareaId,
			values
		});
		return typeof result === 'number' ? { subareaId, saved: true, version: result } : result;
	};
}

/** Saves one score of the user's own blind sheet; a blank points field clears the score. */
export const saveOwnScore = scoreAction(
	'sheet.edit',
	({ locals }, { scope, rubric, user, ownSheet }, s) =>
		saveSheetScore(
			locals.db,
			actorOf(user),
			rubric,
			scope.id,
			{
				subareaId: s.subareaId,
				points: s.points === '' ? null : pointsOf(s.points),
				justification: s.justification,
				expectedVersion: s.version
			},
			ownSheet
		)
);

/**
 * Hands in one's sheet once confirmed; an incomplete one is refused with the unscored subareas
 * named. Every refusal names them (none for a refusal of another kind), so the page reads one shape.
 */
export async function submitOwnSheet({ locals, params, request }: Event) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(locals, params.id, 'sheet.edit');
	// Handing in is final: the first post (the page's button without JavaScript) only asks the page
	// to show the confirmation, with the subareas that lack a justification; its "Ja" confirms.
	if ((await request.formData()).get('confirmed') !== '1')
		return { review: true, missing: [] as string[] };
	const sheet = await loadOwnSheet(locals.db, scope.id, user.id);
	const missing = unscoredSubareas(rubric, sheet.scores);
	if (missing.length) return refuse(locals, '_form', 'ws.errors.sheetIncomplete', { missing });
	const result = await attempt(
		locals,
		() => submitSheet(locals.db, actorOf(user), rubric, scope.id),
		{ missing: [] as typeof missing }
	);
	return result === undefined ? { submitted: true } : result;
}

/** Saves the team's agreed score with its justification. */
export const saveAgreed = scoreAction('score.agree', ({ locals }, { scope, rubric, user }, s) =>
	saveAgreedScore(locals.db, actorOf(user), rubric, scope.id, {
		subareaId: s.subareaId,
		points: pointsOf(s.points),
		justification: s.justification,
		expectedVersion: s.version
	})
);

/**
 * Agrees in one go every subarea where the handed-in sheets give the same points, carrying the
 * sheets' justifications; answers how many were agreed and which were left for want of any text.
 */
export async function agreeEqual({ locals, params }: Event) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(locals, params.id, 'score.agree');
	const result = await attempt(locals, () =>
		agreeEqualScores(locals.db, actorOf(user), rubric, scope.id)
	);
	return 'agree' in result
		? { agreedEqual: result.agree.length, withoutText: result.withoutText }
		: result;
}
