import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getReadyDatabase } from '$lib/server/app';
import { localeCookie, resolveLocale } from '$lib/server/locale';
import { ConfigurationError } from '$lib/server/errors';
import { authenticate } from '$lib/server/auth/handle';
import { securityHeaders } from '$lib/server/security-headers';
import { refuseNulBytes } from '$lib/server/bad-input';
import { translate } from '$lib/i18n';

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

// The NUL check runs after the locale (its message is in the user's language) and inside the
// security headers (its 400 gets them too).
export const handle = sequence(database, authenticate, locale, securityHeaders, refuseNulBytes);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status === 404) return { message };
	// adapter-node refuses a body over BODY_SIZE_LIMIT while the action reads it: an expected
	// refusal with its own message, not an unexpected error.
	if (status === 413) {
		return {
			message: translate(event.locals.locale ?? 'sv', 'errors.tooLarge', {
				limit: bodySizeLimitLabel()
			})
		};
	}
	const errorId = crypto.randomUUID().slice(0, 8);
	console.error(`[${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: 'Ett oväntat fel inträffade', errorId };
};

/** BODY_SIZE_LIMIT as people write it (adapter-node's default is 512K). */
function bodySizeLimitLabel(): string {
	const raw = (process.env.BODY_SIZE_LIMIT ?? '512K').trim();
	const match = /^(\d+)\s*([KMG])?$/i.exec(raw);
	if (!match) return raw;
	return `${match[1]} ${(match[2] ?? '').toUpperCase()}B`.replace(' B', ' byte');
}
