import { expect, test } from '@playwright/test';

test('the start page lists municipalities with results in Swedish', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveTitle('Kommunkompassen');
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kommunkompassen');
	await expect(page.getByRole('heading', { name: 'Kommuner med resultat' })).toBeVisible();
});

test('a municipality page shows its name and county', async ({ page }) => {
	await page.goto('/kommuner/1883');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Karlskoga');
	await expect(page.getByText('Örebro län')).toBeVisible();
});

test('the language switch shows the page in English and back', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'Municipalities' }).first()).toBeVisible();
	await page.getByRole('button', { name: 'På svenska' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});
