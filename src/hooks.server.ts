import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getReadyDatabase } from '$lib/server/app';
import { localeCookie, resolveLocale } from '$lib/server/locale';
import { ConfigurationError } from '$lib/server/errors';
import { authenticate } from '$lib/server/auth/handle';
import { log } from '$lib/server/log';
import { onShutdown, trackRequest } from '$lib/server/lifecycle';
import { startDocumentQueue, stopDocumentQueue } from '$lib/server/repositories/documents';
import { closeWorkers } from '$lib/server/workers/pool';

export const init: ServerInit = async () => {
	// adapter-node signals this after the sockets closed: finish running requests and the
	// document being extracted, then close the database so PGlite's lock is released.
	onShutdown(async () => {
		await stopDocumentQueue();
		await closeWorkers();
		await (await getReadyDatabase().catch(() => null))?.close();
	});
	try {
		const { db } = await getReadyDatabase();
		startDocumentQueue(db);
	} catch (e) {
		if (e instanceof ConfigurationError) {
			log.fatal(`Kommunkompassen cannot start: ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
};

/** One log line per request: method, route id, status, duration, user and error id. */
const requestLog: Handle = ({ event, resolve }) =>
	trackRequest(async () => {
		const start = performance.now();
		let status = 500;
		try {
			const response = await resolve(event);
			status = response.status;
			return response;
		} finally {
			const fields = {
				method: event.request.method,
				route: event.route.id,
				path: event.route.id ? undefined : event.url.pathname,
				status,
				ms: Math.round((performance.now() - start) * 10) / 10,
				userId: event.locals.user?.id,
				errorId: event.locals.errorId
			};
			if (status >= 500) log.error(fields, 'request');
			else log.info(fields, 'request');
		}
	});

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

export const handle = sequence(requestLog, database, authenticate, locale, securityHeaders);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	const errorId = crypto.randomUUID().slice(0, 8);
	// The request's own log line carries the same id, so the two can be joined.
	event.locals.errorId = errorId;
	log.error(
		{ err: error, errorId, method: event.request.method, route: event.route.id },
		'unexpected error'
	);
	return { message: 'Ett oväntat fel inträffade', errorId };
};
