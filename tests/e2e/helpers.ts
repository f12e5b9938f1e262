import { expect, type Page } from '@playwright/test';
import type { TestAccount } from './accounts';

export async function signIn(page: Page, account: TestAccount) {
	await page.goto('/logga-in');
	await page.getByLabel('E-postadress').fill(account.email);
	await page.getByLabel('Lösenord').fill(account.password);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
}

export async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
}
