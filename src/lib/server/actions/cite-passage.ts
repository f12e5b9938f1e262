import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { actorOf } from '../accounts/audit';
import { attempt, authorizeEvaluationRoute } from '../http/evaluation-route';
import { parseForm } from '../http/parse-form';
import { createEvidence } from '../sources/evidence';
import { listSubareas } from '$lib/domain/rubric';
import { textLimits } from '$lib/domain/limits';
import { formId, formList, formText } from '$lib/schemas/form';

const citeForm = z.object({
	subareaIds: formList(),
	documentId: formId,
	page: formId,
	quote: formText(textLimits.quote),
	note: formText(textLimits.note)
});

/**
 * Form action: a passage of a document (a search hit or a selection) becomes an evidence item
 * with the exact quote, document and page, linked to the chosen subareas.
 */
export async function citePassage({ locals, params, request }: RequestEvent<{ id: string }>) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
	const form = parseForm(locals, await request.formData(), citeForm, { citeError: true });
	if (!form.ok) return form.failure;
	const { documentId, page, quote, note } = form.data;
	const known = new Set(listSubareas(rubric).map((s) => s.id));
	const subareaIds = form.data.subareaIds.filter((id) => known.has(id));
	const result = await attempt(
		locals,
		() =>
			locals.db.transaction().execute((trx) =>
				createEvidence(trx, actorOf(user), scope.id, {
					sourceKind: 'document',
					documentId,
					page: Number.isNaN(page) ? null : page,
					quote,
					note,
					subareaIds
				})
			),
		{ citeError: true, documentId, page }
	);
	return typeof result === 'number' ? { cited: result, documentId, page } : result;
}
