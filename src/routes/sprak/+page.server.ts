import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n';
import { localeCookie } from '$lib/server/locale';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	/** Remembers the chosen language for a year and returns to the page the user was on. */
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		const returnTo = String(form.get('returnTo') ?? '/');
		if (isLocale(locale)) {
			cookies.set(localeCookie, locale, {
				path: '/',
				maxAge: 60 * 60 * 24 * 365,
				httpOnly: false,
				sameSite: 'lax'
			});
		}
		// Only same-site paths: never an open redirect.
		redirect(303, returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/');
	}
};
