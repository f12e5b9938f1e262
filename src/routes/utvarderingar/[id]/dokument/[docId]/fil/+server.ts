import { pathId } from '$lib/schemas/id';
import { error } from '@sveltejs/kit';
import { authorizeEvaluationRoute } from '$lib/server/http/evaluation-route';
import { loadDocumentFile } from '$lib/server/documents/documents';
import type { RequestHandler } from './$types';
import { refusal } from '$lib/server/http/refusal';

/** The original file, as uploaded. Served as an attachment so uploaded HTML is never rendered. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { scope } = await authorizeEvaluationRoute(locals, params.id, 'document.read');
	const file = await loadDocumentFile(locals.db, scope.id, pathId(params.docId));
	if (!file) error(404, refusal('errors.documentNotFound'));
	return new Response(new Uint8Array(file.content), {
		headers: {
			'content-type': file.mediaType === 'text/html' ? 'text/plain; charset=utf-8' : file.mediaType,
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
