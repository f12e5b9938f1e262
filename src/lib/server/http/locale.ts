import { defaultLocale, isLocale, type Locale } from '$lib/i18n';

export const localeCookie = 'lang';

/**
 * Swedish first: the users are Swedish, so English is shown only when chosen with the language
 * switch (a cookie), never guessed from a browser set to English.
 */
export function resolveLocale(cookie: string | undefined): Locale {
	return isLocale(cookie) ? cookie : defaultLocale;
}
