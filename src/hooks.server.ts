import { isHttpError, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getReadyDatabase, prepareOnlyIfAsked } from '$lib/server/platform/app';
import { cookieName } from '$lib/paraglide/runtime.js';
import { localeFromCookie } from '$lib/i18n';
import { withLocale } from '$lib/server/platform/with-locale';
import { ConfigurationError } from '$lib/server/errors';
import { authenticate } from '$lib/server/auth/handle';
import { securityHeaders } from '$lib/server/http/security-headers';
import { refuseNulBytes } from '$lib/server/http/bad-input';
import { log } from '$lib/server/platform/log';
import { closeWhileDraining, onShutdown, trackRequest } from '$lib/server/platform/lifecycle';
import { startDocumentQueue, stopDocumentQueue } from '$lib/server/jobs/extraction';
import { closeWorkers } from '$lib/server/workers/pool';
import { startOutbox, stopOutbox } from '$lib/server/jobs/outbox';
import { startOverdueDigest, stopOverdueDigest } from '$lib/server/jobs/overdue-digest';
import { publicCache } from '$lib/server/http/public-cache';
import { compressAnswers } from '$lib/server/http/compress-answers';
import { m } from '$lib/paraglide/messages.js';

export const init: ServerInit = async () => {
	// adapter-node signals this after the sockets closed: finish running requests, the document
	// being extracted and the mail being sent, then close the database so PGlite's lock is released.
	onShutdown(async () => {
		await stopDocumentQueue();
		stopOverdueDigest();
		await stopOutbox();
		await closeWorkers();
		await (await getReadyDatabase().catch(() => null))?.close();
	});
	try {
		if (await prepareOnlyIfAsked()) return;
		const { db } = await getReadyDatabase();
		startDocumentQueue(db);
		startOutbox(db);
		startOverdueDigest(db);
	} catch (e) {
		if (e instanceof ConfigurationError) {
			log.fatal(`Kommunkompassen cannot start: ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
};

/** One log line per request: method, route id, status, duration, user and error id. */
export const requestLog: Handle = ({ event, resolve }) =>
	trackRequest(async () => {
		const start = performance.now();
		let status = 500;
		try {
			const response = await resolve(event);
			status = response.status;
			return closeWhileDraining(response);
		} catch (e) {
			// A handle step's `error(400, …)` (a NUL in the query) is answered with its own status
			// by Kit's error page: the log line says that status, not 500.
			if (isHttpError(e)) status = e.status;
			throw e;
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

/**
 * The request's locale: the language switch's cookie, else Swedish (Paraglide's strategy, see
 * project.inlang), kept for the message functions and `getLocale()` while the request is handled.
 * Paraglide's own middleware would find the same locale, but it builds three copies of the
 * request to hand on, which is a tenth of a constant request's work; this app uses none of them.
 */
const locale: Handle = ({ event, resolve }) => {
	const chosen = localeFromCookie(event.cookies.get(cookieName));
	event.locals.locale = chosen;
	return withLocale(chosen, () =>
		resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', chosen) })
	);
};

// The NUL check runs after the locale (its message is in the user's language) and inside the
// security headers (its 400 gets them too). The public cache answers anonymous public requests
// from memory once it knows the user and the language; its answers get the security headers.
// Compression sits outside everything but the log: it sees each answer as finally sent.
export const handle = sequence(
	requestLog,
	compressAnswers,
	database,
	authenticate,
	locale,
	securityHeaders,
	publicCache,
	refuseNulBytes
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	// adapter-node refuses a body over BODY_SIZE_LIMIT while the action reads it: an expected
	// refusal with its own message, not an unexpected error.
	if (status === 413) {
		return {
			message: m['errors.tooLarge'](
				{
					limit: bodySizeLimitLabel()
				},
				{ locale: event.locals.locale ?? 'sv' }
			)
		};
	}
	// Kit's own refusals of what the client sent (a JSON body to a form action: 415, a method the
	// route lacks: 405) are the client's error: logged as such, with Kit's message.
	if (status >= 400 && status < 500) {
		log.info(
			{ status, method: event.request.method, route: event.route.id, message },
			'client error'
		);
		return { message };
	}
	const errorId = crypto.randomUUID().slice(0, 8);
	// The request's own log line carries the same id, so the two can be joined.
	event.locals.errorId = errorId;
	log.error(
		{ err: error, errorId, method: event.request.method, route: event.route.id },
		'unexpected error'
	);
	return { message: 'Ett oväntat fel inträffade', errorId };
};

/** BODY_SIZE_LIMIT as people write it (adapter-node's default is 512K). */
function bodySizeLimitLabel(): string {
	const raw = (process.env.BODY_SIZE_LIMIT ?? '512K').trim();
	const match = /^(\d+)\s*([KMG])?$/i.exec(raw);
	if (!match) return raw;
	return `${match[1]} ${(match[2] ?? '').toUpperCase()}B`.replace(' B', ' byte');
}
