/** Form actions shared by the sheet overview and the single-subarea scoring view. */
import { fail, type RequestEvent } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { actorOf } from '../repositories/audit';
import { z } from 'zod';
import { attempt, authorizeEvaluationRoute } from '../http/evaluation-route';
import { parseForm } from '../http/parse-form';
import {
	loadOwnSheet,
	saveAgreedScore,
	saveSheetScore,
	submitSheet
} from '../repositories/scoring';
import { unscoredSubareas } from '$lib/domain/scoring';
import { textLimits } from '$lib/domain/limits';
import { formInt, formText, formVersion } from '$lib/schemas/form';

type Event = RequestEvent<{ id: string }>;

/** A score as the forms send it; `points` stays as typed so a refusal shows it back. */
const scoreForm = z.object({
	subareaId: formText(10),
	points: z.string().trim().default(''),
	justification: formText(textLimits.justification),
	version: formVersion
});
/** The points as a number: NaN when malformed, which the domain refuses as out of range. */
const pointsOf = (raw: string) => formInt.parse(raw);

/** Saves one score of the user's own blind sheet (version-checked). */
export async function saveOwnScore({ locals, params, request }: Event) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(locals, params.id, 'sheet.edit');
	const form = parseForm(locals, await request.formData(), scoreForm);
	if (!form.ok) return form.failure;
	const { subareaId, points, justification, version } = form.data;
	const values = { subareaId, points, justification };
	const result = await attempt(
		locals,
		() =>
			saveSheetScore(locals.db, actorOf(user), rubric, scope.id, {
				subareaId,
				points: points === '' ? null : pointsOf(points),
				justification,
				expectedVersion: version
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
	const form = parseForm(locals, await request.formData(), scoreForm);
	if (!form.ok) return form.failure;
	const { subareaId, points, justification, version } = form.data;
	const values = { subareaId, points, justification };
	const result = await attempt(
		locals,
		() =>
			saveAgreedScore(locals.db, actorOf(user), rubric, scope.id, {
				subareaId,
				points: pointsOf(points),
				justification,
				expectedVersion: version
			}),
		{ subareaId, values }
	);
	return typeof result === 'number' ? { subareaId, saved: true, version: result } : result;
}
