/**
 * The skip link, the error summary and the accessibility statement. (axe on every page, as the
 * role that uses it, is in the sweep over every page: every-page.e2e.ts.)
 */
import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { origin } from './helpers';
import { prepareContext, waitForHydration } from './pages';

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
