/** Form actions shared by the sheet overview and the single-subarea scoring view. */
import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '../repositories/audit';
import { attempt, authorizeEvaluationRoute, intField, textField } from '../http/evaluation-route';
import {
	loadOwnSheet,
	saveAgreedScore,
	saveSheetScore,
	submitSheet
} from '../repositories/scoring';
import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { unscoredSubareas } from '$lib/domain/scoring';
import { textLimits } from '$lib/domain/limits';

type Event = RequestEvent<{ id: string }>;

/** Saves one score of the user's own blind sheet (version-checked). */
export async function saveOwnScore({ locals, params, request }: Event) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(locals, params.id, 'sheet.edit');
	const form = await request.formData();
	const subareaId = textField(form, 'subareaId', 10);
	const rawPoints = String(form.get('points') ?? '').trim();
	const points = rawPoints === '' ? null : intField(form, 'points');
	const justification = textField(form, 'justification', textLimits.justification);
	const values = { subareaId, points: rawPoints, justification };
	const result = await attempt(
		locals,
		() =>
			saveSheetScore(locals.db, actorOf(user), rubric, scope.id, {
				subareaId,
				points,
				justification,
				expectedVersion: intField(form, 'version') || 0
			}),
		{ subareaId, values }
	);
	return typeof result === 'number' ? { subareaId, saved: true, version: result } : result;
}

/** Hands in one's sheet; an incomplete one is refused with the unscored subareas named. */
export async function submitOwnSheet({ locals, params }: Event) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(locals, params.id, 'sheet.edit');
	const sheet = await loadOwnSheet(locals.db, scope.id, user.id);
	const missing = unscoredSubareas(rubric, sheet.scores);
	if (missing.length) {
		return fail(400, {
			missing,
			errors: { _form: translate(locals.locale, 'ws.errors.sheetIncomplete') }
		});
	}
	const result = await attempt(locals, () =>
		submitSheet(locals.db, actorOf(user), rubric, scope.id)
	);
	return result === undefined ? { submitted: true } : result;
}

/** Saves the team's agreed score with its justification (version-checked). */
export async function saveAgreed({ locals, params, request }: Event) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(locals, params.id, 'score.agree');
	const form = await request.formData();
	const subareaId = textField(form, 'subareaId', 10);
	const points = intField(form, 'points');
	const justification = textField(form, 'justification', textLimits.justification);
	const values = { subareaId, points: String(form.get('points') ?? ''), justification };
	const result = await attempt(
		locals,
		() =>
			saveAgreedScore(locals.db, actorOf(user), rubric, scope.id, {
				subareaId,
				points,
				justification,
				expectedVersion: intField(form, 'version') || 0
			}),
		{ subareaId, values }
	);
	return typeof result === 'number' ? { subareaId, saved: true, version: result } : result;
}
