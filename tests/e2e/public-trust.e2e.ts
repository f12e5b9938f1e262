/**
 * Issue 27: public pages a reader can trust. Every figure with its rubric version, one n said
 * once, SKR's report credited to SKR, Swedish texts marked as Swedish, refusals in the reader's
 * language, a compare picker that does not add what it cannot compare. Screenshots of the three
 * public pages at both widths in both languages go to SHOTS_DIR (default test-results/public-shots).
 */
import { expect, test, type Page } from '@playwright/test';
import { gotoLive, origin, signIn, signInRequest, state } from './helpers';
import { testAccounts } from './accounts';

async function english(page: Page) {
	await page.context().addCookies([{ name: 'lang', value: 'en', url: origin }]);
}

for (const width of [390, 1366]) {
	test(`the home page labels each older-rubric total with its version at ${width} px`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 900 });
		await page.goto('/');
		const table = page.getByRole('table', { name: 'Kommuner med resultat' });
		// Nacka 2011 is on the 2010 version: its total says so; Karlskoga 2022 (2020) needs no label.
		await expect(table.getByRole('row', { name: /Nacka/ })).toContainText('644 (2010 års version)');
		await expect(table.getByRole('row', { name: /Karlskoga/ })).not.toContainText('års version');
		await expect(page.getByText(/enligt 2020 års version av Kommunkompassen/)).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
}

test('the totals chart draws no segment between rubric versions', async ({ page }) => {
	await page.goto('/kommuner/1883');
	const chart = page.locator('svg.line');
	// Karlskoga: 2014 on the 2010 version, 2018 and 2022 on others: no line joins any two.
	const versions = await page
		.getByRole('table', { name: /Tabell: Totalpoäng/ })
		.locator('tbody tr td:nth-child(2)')
		.allTextContents();
	expect(new Set(versions).size).toBeGreaterThan(1);
	await expect(chart.locator('path.segment')).toHaveCount(0);
	await expect(chart.locator('line.version-break')).toHaveCount(new Set(versions).size - 1);
	await expect(page.getByText('ny version av metoden', { exact: false })).toBeVisible();
});

test('the count and the n agree on /kommuner/1883, /jamfor and the API', async ({
	page,
	request
}) => {
	const api = await (
		await request.get('/api/v1/national-average?rubric=kommunkompassen-2020')
	).json();
	const totalN: number = api.total?.n ?? api.data?.total?.n;
	expect(totalN).toBeGreaterThan(0);

	await page.goto('/kommuner/1883');
	const caption = await page.locator('#average-caption').textContent();
	// No count of its own in the sentence: only the n of each figure, the total's the API's.
	expect(caption).not.toMatch(/\(\d+ kommuner\)/);
	expect(caption).toContain(`totalpoäng ${totalN};`);
	await expect(page.locator('p', { hasText: 'Placering:' })).toContainText(
		`av ${totalN} med totalpoäng enligt Kommunkompassen 2020`
	);

	await page.goto('/jamfor?kommun=1883&kommun=0115');
	const text = await page.locator('main').textContent();
	expect(text).not.toMatch(/\(\d+ kommuner\)/);
	expect(text).toContain(`totalpoäng ${totalN};`);
});

test('the compare page names the version of its figures and never ranks across versions', async ({
	page
}) => {
	// Karlskoga and Tomelilla on the 2020 version, Mölndal only on the 2016 version.
	await page.goto('/jamfor?kommun=1883&kommun=1270&kommun=1481');
	const table = page.getByRole('table', { name: 'Jämförelse, 2020 års version' });
	await expect(table).toBeVisible();
	const molndal = table.getByRole('row', { name: /Mölndal/ });
	// Its total says its version, is not set against the 2020 average and has no rank.
	await expect(molndal).toContainText('(2016 års version)');
	const cells = molndal.getByRole('cell');
	await expect(cells.nth(2)).toHaveText('–');
	await expect(cells.nth(3)).toHaveText('–');
	// The totals chart is of the 2020 version only.
	const totals = page.getByRole('table', { name: 'Tabell: Total poäng, 2020 års version' });
	await expect(totals.getByRole('row', { name: /Karlskoga/ })).toBeVisible();
	await expect(totals.getByRole('row', { name: /Mölndal/ })).toHaveCount(0);
	await expect(page.getByText(/Totaler enligt andra versioner står i tabellen/)).toBeVisible();
	// Sorted either way by total, Mölndal stays after the 2020 results.
	const names = () => table.locator('tbody th[scope="row"] a').allTextContents();
	const byTotal = table.getByRole('button', { name: 'Totalt', exact: true });
	await byTotal.click();
	expect((await names()).at(-1)).toBe('Mölndal');
	await byTotal.click();
	expect((await names()).at(-1)).toBe('Mölndal');
});

test('the Karlskoga 2022 report names no demo evaluator: HTML and PDF credit SKR', async ({
	page,
	request
}) => {
	await page.goto('/kommuner/1883/2022/rapport');
	const cover = page.locator('header.cover');
	await expect(cover).toContainText('Författare: Sveriges Kommuner och Regioner, 2022');
	await expect(page.locator('main')).not.toContainText('Demo – Utvärderare');

	const pdf = Buffer.from(await (await request.get('/kommuner/1883/2022/rapport.pdf')).body());
	const text = pdf.toString('latin1');
	expect(text).not.toContain('Demo');
	// The info dictionary's Author, written inline or as an indirect object (pdfkit's way).
	const ref = /\/Author (\d+) 0 R/.exec(text);
	const author = ref
		? new RegExp(`\\n${ref[1]} 0 obj\\n\\(([^)]*)\\)`).exec(text)?.[1]
		: /\/Author \(([^)]*)\)/.exec(text)?.[1];
	expect(author).toBe('Sveriges Kommuner och Regioner, 2022');
});

test('in English, a Karlskoga strength is marked Swedish and a note says so', async ({ page }) => {
	await english(page);
	await page.goto('/kommuner/1883');
	const strength = page
		.locator('#findings + * [data-authored], #findings ~ * [data-authored]')
		.first();
	await expect(strength).toBeVisible();
	expect(await strength.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('sv');
	await expect(page.getByText('Texts written by the evaluators are in Swedish.')).toBeVisible();

	await page.goto('/kommuner/1883/2022/rapport');
	await expect(page.getByText('Texts written by the evaluators are in Swedish.')).toBeVisible();
	const reportStrength = page.locator('article.report [data-authored]').first();
	expect(await reportStrength.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe(
		'sv'
	);
	// The rubric's own titles stay in the reader's language.
	expect(
		await page
			.locator('article.report h3')
			.first()
			.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))
	).toBe('en');
});

test('in English, the team’s Swedish texts are marked Swedish on the workspace and its report', async ({
	page,
	request
}) => {
	const { factCheckPagesDraftId: id } = state();
	await signInRequest(request, testAccounts.evaluator1);
	const cookies = (await request.storageState()).cookies;
	await page.context().addCookies([...cookies, { name: 'lang', value: 'en', url: origin }]);
	await page.goto(`/utvarderingar/${id}/fynd`);
	expect(await page.locator('html').getAttribute('lang')).toBe('en');
	// Lund 2025 has a strength and a narrative in area 2, written in Swedish.
	const area = page.locator('section[aria-labelledby="fa-2"]');
	const strength = area.locator('ul.items li').first().locator('textarea, [data-authored]').first();
	await expect(strength).toBeVisible();
	expect(await strength.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('sv');
	const narrative = area.locator('textarea[name="text"]').first();
	expect(await narrative.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('sv');
	// The interface around them stays English.
	expect(
		await area.locator('h3').evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))
	).toBe('en');

	await page.goto(`/utvarderingar/${id}/rapport`);
	const reportStrength = page.locator('article.report [data-authored]').first();
	await expect(reportStrength).toBeVisible();
	expect(await reportStrength.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe(
		'sv'
	);
});

test('the coordinator sets the language of the team’s texts on the set-up page', async ({
	page
}) => {
	const { draftId: id } = state();
	await signIn(page, testAccounts.coordinator);
	const textLanguage = async () =>
		page
			.locator('section[aria-labelledby^="fa-"] textarea[name="text"]')
			.first()
			.getAttribute('lang');
	await page.goto(`/utvarderingar/${id}/installningar`);
	const select = page.getByLabel('Språk i gruppens texter');
	await expect(select).toHaveValue('sv');
	// Reached and changed from the keyboard.
	await select.focus();
	await select.selectOption('en');
	await page.getByRole('button', { name: 'Spara språket' }).press('Enter');
	await expect(page.getByRole('status').filter({ hasText: 'Språket är sparat.' })).toBeVisible();
	await page.goto(`/utvarderingar/${id}/fynd`);
	expect(await textLanguage()).toBe('en');

	await page.goto(`/utvarderingar/${id}/installningar`);
	await expect(select).toHaveValue('en');
	await select.selectOption('sv');
	await page.getByRole('button', { name: 'Spara språket' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Språket är sparat.' })).toBeVisible();
	await page.goto(`/utvarderingar/${id}/fynd`);
	expect(await textLanguage()).toBe('sv');
});

test('a 403 and a 404 in English are English', async ({ page, request }) => {
	await signInRequest(request, testAccounts.evaluator1);
	const cookies = (await request.storageState()).cookies;
	await page.context().addCookies([...cookies, { name: 'lang', value: 'en', url: origin }]);
	const forbidden = await page.goto('/admin');
	expect(forbidden?.status()).toBe(403);
	await expect(page.locator('main')).toContainText('You do not have permission to do this.');
	await expect(page.locator('main')).not.toContainText('behörighet');

	const missing = await page.goto('/kommuner/9999');
	expect(missing?.status()).toBe(404);
	await expect(page.locator('main')).toContainText('There is no such municipality.');
});

test('the compare picker marks a municipality with no published result and does not add it', async ({
	page
}) => {
	await gotoLive(page, '/jamfor');
	const box = page.getByRole('combobox', { name: 'Kommuner', exact: true });
	await box.fill('Karlsborg');
	const option = page.getByRole('option', { name: /Karlsborg/ });
	await expect(option).toContainText('ingen publicerad utvärdering');
	await expect(option).toHaveAttribute('aria-disabled', 'true');
	await box.press('ArrowDown');
	await box.press('Enter');
	await expect(page.getByRole('button', { name: 'Ta bort Karlsborg' })).toHaveCount(0);
	await expect(page.getByRole('status').filter({ hasText: 'lades inte till' })).toHaveCount(1);
});

test('the radar on a phone keeps its scale labels at 12 px, off the data points', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 900 });
	await page.goto('/kommuner/1883');
	const radar = page.locator('#profile-radar, figure.radar svg').first();
	await expect(radar).toBeVisible();
	const overlap = await page.evaluate(() => {
		const svg = document.querySelector('figure.radar svg')!;
		const labels = [...svg.querySelectorAll('text.ring-label')];
		const points = [...svg.querySelectorAll('circle, rect, polygon')].filter(
			(e) => !e.closest('.legend')
		);
		const hit = (a: DOMRect, b: DOMRect) =>
			a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
		return {
			sizes: labels.map((l) => parseFloat(getComputedStyle(l).fontSize)),
			hidden: labels.filter((l) =>
				points.some((p) => hit(l.getBoundingClientRect(), p.getBoundingClientRect()))
			).length
		};
	});
	expect(overlap.sizes.length).toBeGreaterThan(0);
	for (const size of overlap.sizes) expect(size).toBeGreaterThanOrEqual(12);
	expect(overlap.hidden).toBe(0);
});

/** Where the screenshots go: SHOTS_DIR, else beside Playwright's own results. */
const shots = process.env.SHOTS_DIR ?? 'test-results/public-shots';
for (const locale of ['sv', 'en'] as const)
	for (const width of [390, 1366])
		for (const [name, path] of [
			['home', '/'],
			['kommun-1883', '/kommuner/1883'],
			['jamfor', '/jamfor?kommun=1883&kommun=0115&kommun=1292']
		] as const)
			test(`screenshot ${name} ${locale} ${width}`, async ({ page }) => {
				await page.context().addCookies([{ name: 'lang', value: locale, url: origin }]);
				await page.setViewportSize({ width, height: 900 });
				await page.goto(path);
				await expect(page.locator('h1').first()).toBeVisible();
				await page.screenshot({
					path: `${shots}/public-${name}-${locale}-${width}.png`,
					fullPage: true
				});
			});
