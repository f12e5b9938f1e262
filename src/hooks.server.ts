import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getReadyDatabase } from '$lib/server/app';
import { localeCookie, resolveLocale } from '$lib/server/locale';
import { ConfigurationError } from '$lib/server/errors';
import { authenticate } from '$lib/server/auth/handle';

export const init: ServerInit = async () => {
	// adapter-node emits this after in-flight requests finished: close the database cleanly so
	// PGlite's files are consistent and its lock released for the next start.
	process.once('sveltekit:shutdown' as 'exit', async () => {
		await (await getReadyDatabase().catch(() => null))?.close();
	});
	try {
		await getReadyDatabase();
	} catch (e) {
		if (e instanceof ConfigurationError) {
			console.error(`Kommunkompassen cannot start: ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
};

const database: Handle = async ({ event, resolve }) => {
	event.locals.db = (await getReadyDatabase()).db;
	event.locals.user = null;
	event.locals.session = null;
	return resolve(event);
};

const locale: Handle = async ({ event, resolve }) => {
	const chosen = resolveLocale(event.cookies.get(localeCookie));
	event.locals.locale = chosen;
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', chosen)
	});
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	if (!response.headers.has('X-Frame-Options')) response.headers.set('X-Frame-Options', 'DENY');
	return response;
};

export const handle = sequence(database, authenticate, locale, securityHeaders);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Ett oväntat fel inträffade', errorId };
};
