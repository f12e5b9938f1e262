import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { safeReturnTo } from '$lib/schemas/auth';
import { localeCookie } from '$lib/server/http/locale';
import { saveMailLocale } from '$lib/server/mail/notifications';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/** Remembers the chosen language for a year and returns to the page the user was on. */
	default: async ({ request, cookies, url, locals }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		if (isLocale(locale)) {
			cookies.set(localeCookie, locale, {
				path: '/',
				maxAge: 60 * 60 * 24 * 365,
				httpOnly: false,
				sameSite: 'lax'
			});
			// A signed-in user's mail follows the language they use.
			if (locals.user) await saveMailLocale(locals.db, locals.user.id, locale);
		}
		redirect(303, safeReturnTo(form.get('returnTo'), url.origin, '/'));
	}
};
