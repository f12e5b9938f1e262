import { error } from '@sveltejs/kit';
import { authorizeGlobal } from '$lib/server/auth/guard';
import { findOutboxHtml } from '$lib/server/mail/outbox';
import type { RequestHandler } from './$types';
import { pathId } from '$lib/schemas/id';
import { refusal } from '$lib/server/http/refusal';

/**
 * One mail's HTML part as the recipient's mail client shows it. Served with a sandboxing CSP:
 * no script runs and nothing loads, whatever the mail holds (its texts are escaped anyway).
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	authorizeGlobal(locals, 'user.manage', url);
	const id = pathId(params.id);
	const html = id ? await findOutboxHtml(locals.db, id) : undefined;
	if (html === undefined) error(404, refusal('errors.notFound'));
	return new Response(html, {
		headers: {
			'content-type': 'text/html; charset=utf-8',
			'cache-control': 'no-store',
			'content-security-policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'",
			'referrer-policy': 'no-referrer'
		}
	});
};
