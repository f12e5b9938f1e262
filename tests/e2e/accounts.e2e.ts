import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { gotoLive, signIn, signOut } from './helpers';

test('an evaluator signs in, sees their own evaluations, and signs out', async ({ page }) => {
	// Typed only once the page is live: hydration would otherwise empty the e-mail field.
	await gotoLive(page, '/logga-in');
	await page.getByLabel('E-postadress').fill(testAccounts.evaluator1.email);
	await page.getByLabel('Lösenord').fill('fel-lösenord-123');
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord.');

	await signIn(page, testAccounts.evaluator1);
	await page.goto('/utvarderingar');
	await expect(page.getByRole('heading', { name: 'Mina utvärderingar' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Vallentuna 2026' })).toBeVisible();
	// Not on Hedemora's team: not listed.
	await expect(page.getByRole('link', { name: /Hedemora/ })).toHaveCount(0);
	await signOut(page);
	await page.goto('/utvarderingar');
	await expect(page).toHaveURL(/\/logga-in\?returnTo=%2Futvarderingar/);
});

test('a coordinator manages users: creating one sends an invitation, no password shown', async ({
	page
}) => {
	await signIn(page, testAccounts.coordinator);
	await page.goto('/admin/anvandare');
	await page.getByLabel('E-postadress').fill('ny.utvarderare@test.se');
	await page.getByLabel('Namn', { exact: true }).fill('Nina Ny');
	// No role is chosen in advance (least of all Samordnare): the coordinator picks one.
	await expect(page.getByLabel('Roll', { exact: true })).toHaveValue('');
	await page.getByLabel('Roll', { exact: true }).selectOption('evaluator');
	await page.getByRole('button', { name: 'Skapa användare' }).click();
	await expect(page.getByRole('status').first()).toContainText('ny.utvarderare@test.se');
	await expect(page.getByRole('status').first()).not.toContainText('Engångslösenord');
	// Without SMTP_URL the invitation and its link wait in the Utkorg.
	await page.goto('/admin/utkorg');
	await expect(page.getByRole('cell', { name: 'ny.utvarderare@test.se' })).toBeVisible();
	await page.goto('/admin/anvandare');
	await expect(
		page.getByRole('cell', { name: 'ny.utvarderare@test.se', exact: true })
	).toBeVisible();
});
