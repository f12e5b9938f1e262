import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/** Ends this session (server-side, not just the cookie). */
	default: async ({ locals, cookies }) => {
		if (locals.session) await invalidateSession(locals.db, locals.session.id);
		deleteSessionCookie(cookies);
		redirect(303, '/');
	}
};
