import type { Locale } from '$lib/i18n';
import { cookieName } from '$lib/paraglide/runtime.js';

/**
 * The cookie the language switch sets (src/routes/sprak). Swedish first: the users are Swedish, so
 * English is shown only when chosen with the switch, never guessed from a browser set to English.
 * Paraglide reads the same cookie (scripts/i18n/paraglide-options.js: strategy and cookieName).
 */
export const localeCookie = cookieName;

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
