import { error } from '@sveltejs/kit';
import { authorizeEvaluationRoute, refusingBadInput } from '$lib/server/evaluation-route';
import { findDocument, listDocumentPages } from '$lib/server/repositories/documents';
import { citePassage } from '$lib/server/documents/cite';
import { listSubareas } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'document.read');
	const document = await findDocument(locals.db, scope.id, Number(params.docId) || 0);
	if (!document) error(404, 'Dokumentet finns inte');
	return {
		document,
		pages: await listDocumentPages(locals.db, document.id),
		subareas: listSubareas(rubric).map((s) => ({ id: s.id, title: s.title }))
	};
};

export const actions: Actions = refusingBadInput({ cite: citePassage });
