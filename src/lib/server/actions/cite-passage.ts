import type { RequestEvent } from '@sveltejs/kit';
import { actorOf } from '../repositories/audit';
import { attempt, authorizeEvaluationRoute, intField, textField } from '../http/evaluation-route';
import { createEvidence } from '../repositories/evidence';
import { listSubareas } from '$lib/domain/rubric';
import { textLimits } from '$lib/domain/limits';

/**
 * Form action: a passage of a document (a search hit or a selection) becomes an evidence item
 * with the exact quote, document and page, linked to the chosen subareas.
 */
export async function citePassage({ locals, params, request }: RequestEvent<{ id: string }>) {
	const { scope, rubric, user } = await authorizeEvaluationRoute(locals, params.id, 'sources.edit');
	const form = await request.formData();
	const known = new Set(listSubareas(rubric).map((s) => s.id));
	const subareaIds = form
		.getAll('subareaIds')
		.map(String)
		.filter((id) => known.has(id));
	const documentId = intField(form, 'documentId');
	const page = intField(form, 'page');
	const quote = textField(form, 'quote', textLimits.quote);
	const result = await attempt(
		locals,
		() =>
			locals.db.transaction().execute((trx) =>
				createEvidence(trx, actorOf(user), scope.id, {
					sourceKind: 'document',
					documentId,
					page: Number.isNaN(page) ? null : page,
					quote,
					note: textField(form, 'note', textLimits.note),
					subareaIds
				})
			),
		{ citeError: true, documentId, page }
	);
	return typeof result === 'number' ? { cited: result, documentId, page } : result;
}
