import { authorizeEvaluationRoute, refusingBadInput } from '$lib/server/http/evaluation-route';
import { searchDocuments } from '$lib/server/documents/search';
import { citePassage } from '$lib/server/actions/cite-passage';
import { listSubareas } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'document.read');
	const q = url.searchParams.get('q') ?? '';
	return {
		q,
		hits: q ? await searchDocuments(locals.db, scope.id, q, 20) : [],
		subareas: listSubareas(rubric).map((s) => ({ id: s.id, title: s.title }))
	};
};

export const actions: Actions = refusingBadInput({ cite: citePassage });
