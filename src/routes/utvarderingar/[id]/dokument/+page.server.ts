import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { actorOf } from '$lib/server/accounts/audit';
import { parseForm } from '$lib/server/http/parse-form';
import { formId } from '$lib/schemas/form';
import { authorizeEvaluationRoute, refusingBadInput } from '$lib/server/http/evaluation-route';
import {
	addDocument,
	findSameFile,
	listDocuments,
	maxUploadBytes
} from '$lib/server/documents/documents';
import { processPendingDocuments } from '$lib/server/jobs/extraction';
import { DomainError } from '$lib/server/errors';
import { markCarriedDocument } from '$lib/server/documents/carried';
import { documentKinds, type DocumentKind } from '$lib/domain/evaluation-content';
import type { Actions, PageServerLoad } from './$types';
import { translateKey, isMessageKey } from '$lib/i18n/lookup';
import { m } from '$lib/paraglide/messages.js';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'document.read');
	return {
		documents: await listDocuments(locals.db, scope.id),
		maxMb: Math.round(maxUploadBytes() / 1024 / 1024)
	};
};

/** Which carried-over document, and whether it still applies (the buttons' hidden fields). */
const markCarriedSchema = z.object({
	documentId: formId,
	stillApplies: z.enum(['yes', 'no'], { error: 'errors.invalid' })
});

export const actions: Actions = refusingBadInput({
	/** The municipality says whether a document carried over from the previous evaluation applies. */
	markCarried: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(
			locals,
			params.id,
			'document.markCarried'
		);
		const parsed = parseForm(locals, await request.formData(), markCarriedSchema, {}, [
			'documentId',
			'stillApplies'
		]);
		if (!parsed.ok) return parsed.failure;
		const { documentId, stillApplies: answer } = parsed.data;
		await markCarriedDocument(locals.db, actorOf(user), scope.id, documentId, answer === 'yes');
		return { marked: documentId };
	},
	/**
	 * Stores each file (refusing empty, oversized and unsupported ones with a reason per file) and
	 * starts extraction in the background; the page shows "bearbetas…" until it is done.
	 */
	upload: async ({ locals, params, request }) => {
		const { scope, user } = await authorizeEvaluationRoute(locals, params.id, 'document.upload');
		const form = await request.formData();
		const files = form.getAll('files').filter((f): f is File => f instanceof File && f.name !== '');
		if (!files.length)
			return fail(400, {
				results: [],
				errors: { files: m['doc.errors.noFile']({}, { locale: locals.locale }) }
			});
		const kind = documentKinds.includes(String(form.get('kind')) as DocumentKind)
			? (String(form.get('kind')) as DocumentKind)
			: 'annat';
		const date = /^\d{4}-\d{2}-\d{2}$/.test(String(form.get('documentDate') ?? ''))
			? String(form.get('documentDate'))
			: null;
		const url = /^https?:\/\/\S+$/.test(String(form.get('url') ?? ''))
			? String(form.get('url'))
			: null;
		const results: {
			name: string;
			ok: boolean;
			reason?: string;
			/** The same file uploaded before: kept, but the uploader is told and can open it. */
			duplicateOf?: { id: number; title: string };
		}[] = [];
		for (const file of files) {
			if (file.size > maxUploadBytes()) {
				results.push({
					name: file.name,
					ok: false,
					reason: m['doc.errors.tooLarge']({}, { locale: locals.locale })
				});
				continue;
			}
			try {
				const bytes = new Uint8Array(await file.arrayBuffer());
				const duplicateOf = await findSameFile(locals.db, scope.id, bytes);
				await addDocument(locals.db, actorOf(user), scope.id, {
					fileName: file.name,
					bytes,
					kind,
					documentDate: date,
					url: files.length === 1 ? url : null
				});
				results.push({ name: file.name, ok: true, ...(duplicateOf ? { duplicateOf } : {}) });
			} catch (e) {
				if (!(e instanceof DomainError)) throw e;
				results.push({
					name: file.name,
					ok: false,
					reason: isMessageKey(e.message)
						? translateKey(e.message, undefined, { locale: locals.locale })
						: e.message
				});
			}
		}
		void processPendingDocuments(locals.db);
		return results.some((r) => !r.ok) ? fail(400, { results }) : { results };
	}
});
