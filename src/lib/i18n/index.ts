/**
 * The interface's languages: Swedish first, English second. The messages are Paraglide JS's
 * (messages/{sv,en}.json, compiled to src/lib/paraglide; `m['key'](inputs)` in code and
 * `getLocale()` for the current language); this module keeps the locale list and the formats.
 */
import { baseLocale, isLocale, type Locale } from '../paraglide/runtime.js';

export { isLocale, type Locale };
export const defaultLocale: Locale = baseLocale;
export * from './format';

/** The language chosen with the switch (its cookie's value), else Swedish. */
export function localeFromCookie(value: string | undefined): Locale {
	return value && isLocale(value) ? value : defaultLocale;
}
