/**
 * One language at a time: every page in English shows no Swedish interface words, and in Swedish
 * no obvious English ones. Text that users wrote (findings, answers, notes, document titles, form
 * values), parts marked with another `lang` (the language switch) and proper names (people,
 * municipalities, the rubric's version titles) are left out: they stay as written.
 * Used by the sweep over every page (every-page.e2e.ts).
 */
import type { Page } from '@playwright/test';
import { lundColleagueAccount, selfAssessmentAccount, testAccounts } from './accounts';

/** Swedish interface words that have no place on an English page (whole words). */
export const swedishWords = [
	'och',
	'för',
	'inte',
	'eller',
	'av',
	'med',
	'ej',
	'nej',
	'ja',
	'Spara',
	'Avbryt',
	'Tillbaka',
	'Sök',
	'Visa',
	'Välj',
	'Inga',
	'Poäng',
	'poäng',
	'Område',
	'Delområde',
	'delområden',
	'Utvärdering',
	'Utvärderingar',
	'Kommuner',
	'Kommun',
	'Jämför',
	'Totalt',
	'Styrkor',
	'Förbättringsmöjligheter',
	'Allmänt',
	'Medelvärde',
	'medelvärde',
	'Nationellt',
	'Logga',
	'Inloggad',
	'Historik',
	'Översikt',
	'Underlag',
	'Intervjuer',
	'Kalibrering',
	'Faktagranskning',
	'Publicerad',
	'Planering',
	'Insamling',
	'Poängsättning',
	'Län',
	'Senaste',
	'Ladda',
	'Tabell',
	'Profil',
	'Förändring',
	'Uppnått',
	'Summa',
	'Datum',
	'Meny',
	'Lösenord',
	'Rapport',
	'Dokument',
	'Användare',
	'Åtgärd',
	'Handlingsplan',
	'utkast',
	'UTKAST'
];

/** English interface words that have no place on a Swedish page. */
export const englishWords = [
	'the',
	'and',
	'of',
	'Save',
	'Cancel',
	'Back',
	'Search',
	'Show',
	'Points',
	'Area',
	'Subarea',
	'Evaluation',
	'Evaluations',
	'Municipalities',
	'Compare',
	'Average',
	'average',
	'Sign',
	'History',
	'Overview',
	'Report',
	'Draft',
	'Create',
	'create',
	'transition',
	'update',
	'declare-no-conflict',
	'Unknown',
	'Page'
];

/** Proper names that contain interface words ("Erik Utvärderare", "Sverigesnitt (SKR) april 2021"). */
const properNames = [
	...[...Object.values(testAccounts), selfAssessmentAccount, lundColleagueAccount].map(
		(a) => a.name
	),
	'Kommunkompassen',
	'Sverigesnitt'
];

/**
 * The page's own words as rendered: without user-written text, form values and parts in another
 * language.
 */
export async function interfaceText(page: Page, locale: 'sv' | 'en'): Promise<string> {
	return page.evaluate((lang) => {
		// The live page (the test leaves it after reading): innerText then holds only what is
		// rendered, not the contents of closed disclosures.
		const body = document.body;
		const authored = [
			'script',
			'style',
			'textarea',
			'select',
			'input',
			'.rich',
			'[data-authored]',
			`[lang]:not([lang="${lang}"])`
		];
		body.querySelectorAll(authored.join(',')).forEach((e) => e.remove());
		return body.innerText ?? body.textContent ?? '';
	}, locale);
}

export function foundWords(text: string, words: string[]): string[] {
	let clean = text;
	for (const name of properNames) clean = clean.split(name).join(' ');
	return words.filter((w) => new RegExp(`(^|[^\\p{L}-])${w}(?=$|[^\\p{L}-])`, 'u').test(clean));
}
