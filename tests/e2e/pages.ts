/**
 * Every page of the app, each with the role that sees it: the sweep over every page
 * (every-page.e2e.ts: width, screenshot, axe, language) visits this one list, so a new page is
 * added once.
 */
import type { Page } from '@playwright/test';
import { testAccounts, type E2eState, type TestAccount } from './accounts';
import { signInRequest } from './helpers';

export interface AppPage {
	/** A file-name-safe name for screenshots: test-results/screens/<name>-<width>-<locale>.png. */
	name: string;
	path: string;
}

export interface RolePages {
	role: 'anonymous' | 'coordinator' | 'evaluator' | 'municipality';
	account: TestAccount | null;
	pages: AppPage[];
}

export const widths = [390, 1366] as const;

export function appPages(s: E2eState): RolePages[] {
	const draft = `/utvarderingar/${s.draftId}`;
	const scoring = `/utvarderingar/${s.scoringDraftId}`;
	const karlskoga = `/utvarderingar/${s.karlskoga2022Id}`;
	const factCheck = `/utvarderingar/${s.factCheckPagesDraftId}`;
	const lundSelf = '/kommuner/1281/sjalvskattning';
	return [
		{
			role: 'anonymous',
			account: null,
			pages: [
				{ name: 'start', path: '/' },
				{ name: 'kommuner', path: '/kommuner' },
				{ name: 'kommun', path: '/kommuner/1883' },
				{ name: 'kommun-rapport', path: '/kommuner/1883/2022/rapport' },
				{ name: 'jamfor', path: '/jamfor?kommuner=Karlskoga%2C+Vallentuna%2C+1270' },
				{ name: 'goda-exempel', path: '/goda-exempel?q=medborgardialog' },
				{ name: 'api', path: '/api' },
				{ name: 'logga-in', path: '/logga-in' },
				{ name: 'tillganglighet', path: '/tillganglighet' }
			]
		},
		{
			role: 'coordinator',
			account: testAccounts.coordinator,
			pages: [
				{ name: 'utvarderingar', path: '/utvarderingar' },
				{ name: 'ny-utvardering', path: '/utvarderingar/ny' },
				{ name: 'oversikt', path: draft },
				{ name: 'historik', path: `${draft}/historik` },
				{ name: 'installningar', path: `${draft}/installningar` },
				{ name: 'publicerad-oversikt', path: karlskoga },
				{ name: 'admin', path: '/admin' },
				{ name: 'admin-anvandare', path: '/admin/anvandare' },
				{ name: 'admin-import', path: '/admin/import' },
				{ name: 'admin-logg', path: '/admin/logg' },
				{ name: 'admin-referensvarden', path: '/admin/referensvarden' },
				{ name: 'konto', path: '/konto' },
				{ name: 'konto-losenord', path: '/konto/losenord' }
			]
		},
		{
			role: 'evaluator',
			account: testAccounts.evaluator1,
			pages: [
				{ name: 'poang', path: `${scoring}/poang` },
				{ name: 'poang-delomrade', path: `${scoring}/poang/1.1` },
				{ name: 'kalibrering', path: `/utvarderingar/${s.calibratedDraftId}/kalibrering` },
				{ name: 'fynd', path: `${draft}/fynd` },
				{ name: 'intervjuer', path: `${draft}/intervjuer` },
				{ name: 'underlag', path: `${draft}/underlag` },
				{ name: 'webb', path: `${draft}/webb` },
				{ name: 'dokument', path: `${draft}/dokument` },
				{ name: 'dokument-sok', path: `${draft}/dokument/sok?q=styrning` },
				{ name: 'rapportutkast', path: `${draft}/rapport` },
				{ name: 'faktagranskning', path: `${factCheck}/faktagranskning` },
				{ name: 'sjalvskattning-bilaga', path: `${factCheck}/sjalvskattning` },
				{ name: 'sjalvskattning-las', path: `${lundSelf}/${s.lundSelfAssessments.done}` }
			]
		},
		{
			role: 'municipality',
			account: testAccounts.karlskoga,
			pages: [
				{ name: 'kontakt-oversikt', path: karlskoga },
				{ name: 'handlingsplan', path: `${karlskoga}/handlingsplan` }
			]
		},
		{
			role: 'municipality',
			account: testAccounts.vallentuna,
			pages: [
				{ name: 'svar', path: `${draft}/svar` },
				{ name: 'kontakt-dokument', path: `${draft}/dokument` }
			]
		},
		{
			role: 'municipality',
			account: testAccounts.lund,
			pages: [
				{ name: 'kontakt-faktagranskning', path: `${factCheck}/faktagranskning` },
				{ name: 'sjalvskattningar', path: lundSelf },
				{ name: 'sjalvskattning-poang', path: `${lundSelf}/${s.lundSelfAssessments.scoring}` },
				{ name: 'sjalvskattning-samsyn', path: `${lundSelf}/${s.lundSelfAssessments.agreeing}` },
				{ name: 'sjalvskattning-klar', path: `${lundSelf}/${s.lundSelfAssessments.done}` }
			]
		}
	];
}

/** Signs the page's context in (over HTTP) and sets the language cookie the switch would set. */
export async function prepareContext(
	page: Page,
	origin: string,
	account: TestAccount | null,
	locale: 'sv' | 'en'
) {
	await page.context().clearCookies();
	if (account) await signInRequest(page.request, account);
	await page.context().addCookies([{ name: 'lang', value: locale, url: origin }]);
}

/** Waits until the page is live, so the menu button and any client layout are in place. */
export async function waitForHydration(page: Page) {
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}
