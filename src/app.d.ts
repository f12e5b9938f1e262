import type { Database } from '$lib/server/db';
import type { Locale } from '$lib/i18n';
import type { SessionUser } from '$lib/server/auth/types';

declare global {
	namespace App {
		interface Locals {
			db: Database;
			locale: Locale;
			/** The signed-in user, or null for anonymous visitors. */
			user: SessionUser | null;
			session: { id: string; expiresAt: Date } | null;
			/** Set by handleError, so the request's log line names the error it showed. */
			errorId?: string;
		}
		interface Error {
			message: string;
			/** Correlates a shown error with the server log. */
			errorId?: string;
			/** An expected refusal's message key (server/http/refusal.ts), shown in the reader's language. */
			key?: string;
			/** Where the user can act on the refusal (e.g. the declaration before scoring). */
			href?: string;
			linkText?: string;
			/** The message is in the reader's language already (a stage refusal, auth/guard.ts). */
			translated?: boolean;
		}
		interface PageData {
			locale: Locale;
		}
	}
}

export {};
