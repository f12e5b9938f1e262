import { authorizeGlobal } from '$lib/server/auth/guard';
import { listOutbox } from '$lib/server/mail/outbox';
import { mailConfig } from '$lib/server/mail/config';
import type { PageServerLoad } from './$types';

/**
 * The Utkorg: every mail with its link. Its links open accounts (invitations, resets), so it is
 * the coordinator's, as the users page is.
 */
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	authorizeGlobal(locals, 'user.manage', url);
	setHeaders({ 'cache-control': 'no-store' });
	return {
		/** Newest first. */
		mails: await listOutbox(locals.db),
		/** Without a mail server nothing is sent: the coordinator hands the links over. */
		sending: mailConfig() !== null
	};
};
