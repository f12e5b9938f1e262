/**
 * Every page at a phone's width (390 px) and a laptop's (1366 px), in Swedish and in English, as
 * the role that uses it: the page never scrolls sideways (wide tables scroll in their own box),
 * and a screenshot of each is kept under test-results/screens/ to look at as users will.
 */
import { expect, test } from '@playwright/test';
import { origin, state } from './helpers';
import { appPages, prepareContext, waitForHydration, widths } from './pages';

for (const group of appPages(state())) {
	const who = group.account ? `${group.role} (${group.account.email})` : group.role;
	test(`no page scrolls sideways at 390 or 1366 px, as ${who}`, async ({ page }) => {
		test.setTimeout(60_000 + group.pages.length * 20_000);
		const overflowing: string[] = [];
		for (const locale of ['sv', 'en'] as const) {
			await prepareContext(page, origin, group.account, locale);
			for (const width of widths) {
				await page.setViewportSize({ width, height: 900 });
				for (const { name, path } of group.pages) {
					const response = await page.goto(path);
					expect([path, response?.status()]).toEqual([path, 200]);
					await waitForHydration(page);
					const { scrollWidth, innerWidth } = await page.evaluate(() => ({
						scrollWidth: document.documentElement.scrollWidth,
						innerWidth: window.innerWidth
					}));
					if (scrollWidth > innerWidth) {
						overflowing.push(`${path} ${width} ${locale}: ${scrollWidth} > ${innerWidth}`);
					}
					await page.screenshot({
						path: `test-results/screens/${name}-${width}-${locale}.png`,
						fullPage: true
					});
				}
			}
		}
		expect(overflowing).toEqual([]);
	});
}

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
