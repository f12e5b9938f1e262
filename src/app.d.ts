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
			/** Where the user can act on the refusal (e.g. the declaration before scoring). */
			href?: string;
			linkText?: string;
		}
		interface PageData {
			locale: Locale;
		}
	}
}

export {};
