import { getContext, setContext } from 'svelte';
import { translator, type Locale, type Translate } from './index';

const key = Symbol('i18n');

export interface I18n {
	locale: Locale;
	t: Translate;
}

/** Called once by the root layout with the request's locale. */
export function setI18n(locale: Locale): I18n {
	const i18n = { locale, t: translator(locale) };
	setContext(key, i18n);
	return i18n;
}

/** Any component: `const { t, locale } = useI18n();` */
export function useI18n(): I18n {
	return getContext<I18n>(key) ?? { locale: 'sv', t: translator('sv') };
}

/** The same context for a component rendered on its own with `render()` from svelte/server. */
export function i18nContext(locale: Locale): Map<symbol, I18n> {
	return new Map([[key, { locale, t: translator(locale) }]]);
}
