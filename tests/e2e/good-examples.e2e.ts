/**
 * Good examples (issue 33) as a council member meets them: from an improvement area of her
 * municipality to the strengths of municipalities scoring higher there, and the search itself at
 * a phone's width in both languages.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { origin } from './helpers';

for (const locale of ['sv', 'en'] as const) {
	test(`the library finds Karlskoga's gold star at 390 px (${locale})`, async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.context().addCookies([{ name: 'lang', value: locale, url: origin }]);
		await page.goto('/goda-exempel');
		const search = page.getByRole('searchbox', {
			name: locale === 'sv' ? 'Sökord' : 'Search words'
		});
		await search.fill('MEDBORGARDIALOGEN');
		await search.press('Enter');
		await expect(page).toHaveURL(/q=MEDBORGARDIALOGEN/);
		const hit = page
			.getByRole('listitem')
			.filter({ hasText: 'Bra systematik för medborgardialog' });
		await expect(hit).toBeVisible();
		await expect(hit).toContainText(locale === 'sv' ? 'Guldstjärna' : 'Gold star');
		await expect(hit).toContainText('Karlskoga 2022');
		await expect(hit).toContainText(/n = \d/);
		// The strength is Swedish text inside an English page: marked so.
		const lang = await hit
			.getByText('Bra systematik för medborgardialog')
			.evaluate((e) => e.closest('[lang]')?.getAttribute('lang'));
		expect(lang).toBe('sv');
		const scrolls = await page.evaluate(
			() => document.documentElement.scrollWidth > document.documentElement.clientWidth
		);
		expect(scrolls).toBe(false);
		const axe = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
			.analyze();
		expect(axe.violations.map((v) => v.id)).toEqual([]);
		// The hit links to the area's section of the report.
		await hit.getByRole('link', { name: 'Karlskoga 2022' }).click();
		await expect(page).toHaveURL(/\/kommuner\/1883\/2022\/rapport#omrade-1$/);
		await expect(page.locator('#omrade-1')).toBeVisible();
	});
}

test('an improvement area on the municipality page leads to how others do it', async ({ page }) => {
	await page.goto('/kommuner/1883');
	await page.getByRole('link', { name: /Så gör andra: styrkor i område 1/ }).click();
	await expect(page).toHaveURL(/\/goda-exempel\?omrade=1&hogreAn=1883/);
	await expect(
		page.getByText('Styrkor i område 1 från kommuner med fler poäng där än Karlskoga')
	).toBeVisible();
	await expect(page.getByRole('combobox', { name: 'Huvudområde' })).toHaveValue('1');
	await expect(page.getByRole('status')).toBeVisible();
});

test('the API lists strengths with gold stars first, as JSON and CSV', async ({ request }) => {
	const res = await request.get('/api/v1/strengths?q=medborgardialoger&limit=5');
	expect(res.status()).toBe(200);
	expect(res.headers()['access-control-allow-origin']).toBe('*');
	const body = await res.json();
	expect(body.items[0]).toMatchObject({
		municipality: { code: '1883', name: 'Karlskoga' },
		year: 2022,
		rubric: 'kommunkompassen-2020',
		area: '1',
		subarea: null,
		goldStar: true
	});
	expect(body.items[0].text).toMatch(/^Bra systematik för medborgardialog/);
	const csv = await request.get('/api/v1/strengths?q=medborgardialog&format=csv');
	expect(csv.headers()['content-type']).toMatch(/text\/csv/);
	expect(await csv.text()).toContain('Bra systematik för medborgardialog');
	expect((await request.get('/api/v1/strengths?area=x')).status()).toBe(400);
});
