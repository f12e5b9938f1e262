import { intlLocale, type Locale } from '$lib/i18n';

/** The clock time (Swedish time, with seconds: delays start at one second) to try again. */
export function formatRetryTime(at: Date, locale: Locale): string {
	return at.toLocaleTimeString(intlLocale(locale), {
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		timeZone: 'Europe/Stockholm'
	});
}
