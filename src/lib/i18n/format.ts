/** Numbers, dates and sorting for the interface's languages, through `Intl`. */
import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

/** The locale's BCP 47 tag for `Intl` and `toLocaleString` (sv-SE, en-GB). */
export function intlLocale(locale: Locale): string {
	return m['intl.locale']({}, { locale });
}

/** Swedish-correct sorting (Å, Ä, Ö last); PGlite has no ICU, so lists are sorted here. */
export const svCollator = new Intl.Collator('sv');

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number formatter for the locale with at most `digits` decimals (at least `minDigits`), made
 * once per locale and precision and then reused: building an `Intl.NumberFormat` costs far more
 * than formatting with one, and charts and tables format a value per cell.
 */
export function numberFormat(locale: Locale, digits = 0, minDigits = 0): Intl.NumberFormat {
	const key = `${locale}:${digits}:${minDigits}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale), {
			minimumFractionDigits: minDigits,
			maximumFractionDigits: digits
		});
		numberFormats.set(key, format);
	}
	return format;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A long date formatter for the locale in one zone, made once and reused. */
function dateFormat(locale: Locale, timeZone: 'UTC' | 'Europe/Stockholm'): Intl.DateTimeFormat {
	const key = `${locale}:${timeZone}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(locale), {
			year: 'numeric',
			month: 'long',
			day: 'numeric',
			timeZone
		});
		dateFormats.set(key, format);
	}
	return format;
}

/**
 * A date as the whole app shows one ("7 september 2026", "7 September 2026"). A calendar date
 * ('YYYY-MM-DD', as a date column reads) is shown as that day wherever the reader is; a moment
 * (a Date or a timestamp) as its day in Swedish time, like `formatDateTime`.
 */
export function formatDate(locale: Locale, value: Date | string): string {
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
		return dateFormat(locale, 'UTC').format(new Date(`${value}T00:00:00Z`));
	}
	const date = typeof value === 'string' ? new Date(value) : value;
	return dateFormat(locale, 'Europe/Stockholm').format(date);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A moment as the whole app shows one: date and time in Swedish time (Europe/Stockholm, where the
 * evaluations happen), whatever the server's or the reader's zone, in one short format per locale.
 */
export function formatDateTime(locale: Locale, value: Date | string): string {
	let format = dateTimeFormats.get(locale);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(locale), {
			dateStyle: 'short',
			timeStyle: 'short',
			timeZone: 'Europe/Stockholm'
		});
		dateTimeFormats.set(locale, format);
	}
	return format.format(typeof value === 'string' ? new Date(value) : value);
}

/** A month and year ("oktober 2022", "October 2022") from "YYYY-MM". */
export function formatMonth(locale: Locale, yearMonth: string): string {
	const [year, month] = yearMonth.split('-').map(Number);
	return new Intl.DateTimeFormat(intlLocale(locale), {
		year: 'numeric',
		month: 'long',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(year, (month || 1) - 1, 1)));
}
