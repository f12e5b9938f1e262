import { defaultLocale, isLocale, type Locale } from '$lib/i18n';

export const localeCookie = 'lang';

/**
 * Swedish first: the users are Swedish, so English is shown only when chosen with the language
 * switch (a cookie), never guessed from a browser set to English.
 */
export function resolveLocale(cookie: string | undefined): Locale {
	return isLocale(cookie) ? cookie : defaultLocale;
}

/**
 * The open-data API's language: English, the API's own, unless the client's Accept-Language
 * prefers Swedish to English (`sv`, `sv-SE`, or `sv` with a higher q than `en`).
 */
export function apiLocale(acceptLanguage: string | null): Locale {
	const ranked = (acceptLanguage ?? '')
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().toLowerCase().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
			return { lang: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
		})
		.filter((r) => (r.lang === 'sv' || r.lang === 'en') && r.q > 0)
		.sort((a, b) => b.q - a.q || a.index - b.index);
	return ranked[0]?.lang === 'sv' ? 'sv' : 'en';
}
