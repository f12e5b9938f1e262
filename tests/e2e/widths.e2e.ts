/**
 * The header on a phone and on a laptop. (That no page scrolls sideways at 390 or 1366 px, with
 * a screenshot of each, is checked in the sweep over every page: every-page.e2e.ts.)
 */
import { expect, test } from '@playwright/test';
import { origin } from './helpers';
import { prepareContext, waitForHydration } from './pages';

test('the header menu folds behind a button on a phone and opens and closes from the keyboard', async ({
	page
}) => {
	await prepareContext(page, origin, null, 'sv');
	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto('/kommuner');
	await waitForHydration(page);
	const button = page.getByRole('button', { name: 'Meny' });
	const link = page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', {
		name: 'Jämför'
	});
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(link).toBeHidden();
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await expect(link).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(
		page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').first()
	).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	await expect(button).toBeFocused();
	await expect(link).toBeHidden();

	// At 1366 px the links are in the header row and there is no menu button.
	await page.setViewportSize({ width: 1366, height: 800 });
	await expect(link).toBeVisible();
	await expect(button).toBeHidden();
});

test('who is signed in, with the role, is in the header on a phone with the menu closed', async ({
	page
}) => {
	const { coordinator, karlskoga } = (await import('./accounts')).testAccounts;
	await page.setViewportSize({ width: 390, height: 800 });
	await prepareContext(page, origin, coordinator, 'sv');
	await page.goto('/utvarderingar');
	await waitForHydration(page);
	const banner = page.getByRole('banner');
	await expect(banner).toContainText('Inloggad som Sara Samordnare Samordnare');
	await expect(banner.getByText('Sara Samordnare')).toBeVisible();
	await prepareContext(page, origin, karlskoga, 'en');
	await page.goto('/utvarderingar');
	await waitForHydration(page);
	await expect(banner).toContainText('Signed in as Kim Karlskoga Municipality contact');
	await expect(banner.getByText('Municipality contact')).toBeVisible();
});
