import { pathId } from '$lib/schemas/id';
import { error } from '@sveltejs/kit';
import { findDocument, listDocumentPages, renameDocument } from '$lib/server/documents/documents';
import { z } from 'zod';
import {
	attempt,
	authorizeEvaluationRoute,
	refusingBadInput
} from '$lib/server/http/evaluation-route';
import { parseForm } from '$lib/server/http/parse-form';
import { formText } from '$lib/schemas/form';
import { actorOf } from '$lib/server/accounts/audit';
import { citePassage } from '$lib/server/actions/cite-passage';
import { listSubareas } from '$lib/domain/rubric';
import type { Actions, PageServerLoad } from './$types';
import { refusal } from '$lib/server/http/refusal';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope, rubric } = await authorizeEvaluationRoute(locals, params.id, 'document.read');
	const document = await findDocument(locals.db, scope.id, pathId(params.docId));
	if (!document) error(404, refusal('errors.documentNotFound'));
	return {
		document,
		pages: await listDocumentPages(locals.db, document.id),
		subareas: listSubareas(rubric).map((s) => ({ id: s.id, title: s.title }))
	};
};

const renameForm = z.object({ title: formText(1000) });

export const actions: Actions = refusingBadInput({
	cite: citePassage,
	/** Renames the document (its title defaults to the file name). */
	rename: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'document.upload');
		const form = await request.formData();
		const parsed = parseForm(locals, form, renameForm, {
			renameFailed: true,
			values: { title: String(form.get('title') ?? '') }
		});
		if (!parsed.ok) return parsed.failure;
		const { title } = parsed.data;
		const result = await attempt(
			locals,
			() => renameDocument(locals.db, actorOf(user), scope.id, pathId(params.docId), title),
			{ renameFailed: true, values: { title } }
		);
		return result === undefined ? { renamed: true } : result;
	}
});
