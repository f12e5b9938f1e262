import { defaultLocale, isLocale, type Locale } from '$lib/i18n';

export const localeCookie = 'lang';

/** The cookie wins (the user chose); then the browser's first preference of sv/en; then Swedish. */
export function resolveLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(cookie)) return cookie;
	const first = acceptLanguage?.split(',')[0]?.trim().slice(0, 2).toLowerCase();
	return isLocale(first) ? first : defaultLocale;
}
