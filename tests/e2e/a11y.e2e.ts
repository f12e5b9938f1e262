/**
 * axe (WCAG 2.1 A and AA) on every page of the app, as the role that uses it, at a phone's width
 * and a laptop's: no serious or critical violations. Also the skip link, the error summary and
 * the accessibility statement.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { testAccounts } from './accounts';
import { origin, state } from './helpers';
import { appPages, prepareContext, waitForHydration } from './pages';

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')}`
		);
}

// English has the same markup; language.e2e.ts checks its words, this the structure.
const runs = [
	{ locale: 'sv', width: 390 },
	{ locale: 'sv', width: 1366 }
] as const;

for (const group of appPages(state())) {
	const who = group.account ? `${group.role} (${group.account.email})` : group.role;
	test(`no serious or critical axe violations on any page, as ${who}`, async ({ page }) => {
		test.setTimeout(60_000 + group.pages.length * 25_000);
		const found: string[] = [];
		for (const { locale, width } of runs) {
			await prepareContext(page, origin, group.account, locale);
			await page.setViewportSize({ width, height: 900 });
			for (const { path } of group.pages) {
				await page.goto(path);
				await waitForHydration(page);
				for (const v of await seriousViolations(page))
					found.push(`${path} ${width} ${locale}: ${v}`);
			}
		}
		expect(found).toEqual([]);
	});
}

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
	await prepareContext(page, origin, null, 'sv');
	await page.goto('/kommuner');
	await waitForHydration(page);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Hoppa till innehållet' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();
	await page.keyboard.press('Enter');
	await expect(page.locator('main#main')).toBeFocused();
});

test('form errors are summarised at the top, focused, and each links to its field', async ({
	page
}) => {
	await prepareContext(page, origin, testAccounts.coordinator, 'sv');
	await page.goto('/admin/anvandare');
	await waitForHydration(page);
	await page.getByLabel('E-postadress').fill('inte-en-adress');
	await page.getByRole('button', { name: 'Skapa användare' }).click();
	const summary = page.getByRole('alert').filter({ hasText: 'Formuläret har fel' });
	await expect(summary).toBeFocused();
	const link = summary.getByRole('link').first();
	await expect(link).toBeVisible();
	await link.click();
	await expect(page.locator('#new-email')).toBeFocused();
});

test('the accessibility statement is linked from every footer and names DIGG and a contact', async ({
	page
}) => {
	for (const locale of ['sv', 'en'] as const) {
		await prepareContext(page, origin, null, locale);
		await page.goto('/jamfor');
		const footerLink = page.getByRole('contentinfo').getByRole('link', {
			name: locale === 'sv' ? 'Tillgänglighetsredogörelse' : 'Accessibility statement'
		});
		await footerLink.click();
		await expect(page).toHaveURL(/\/tillganglighet$/);
		const main = page.getByRole('main');
		await expect(main.getByRole('heading', { level: 1 })).toHaveText(
			locale === 'sv' ? 'Tillgänglighetsredogörelse' : 'Accessibility statement'
		);
		await expect(main).toContainText(locale === 'sv' ? 'delvis förenlig' : 'partially compliant');
		await expect(main).toContainText('DIGG');
		await expect(main.getByRole('link', { name: /@/ }).first()).toHaveAttribute('href', /^mailto:/);
		await expect(main.getByRole('link', { name: /DIGG/ })).toHaveAttribute(
			'href',
			'https://www.digg.se/tdosanmalan'
		);
		await expect(main).toContainText(locale === 'sv' ? '27 november 2026' : '27 November 2026');
	}
});
