/**
 * Nothing destroyed by one click: adding an interview empties the form (no duplicate on a second
 * click), deleting asks in the page, and the deletion can be undone.
 */
import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { gotoLive, signIn, state } from './helpers';

test('an interview is added once, deleted only after a question in the page, and undone', async ({
	page
}) => {
	const { scoringDraftId: id } = state();
	let dialogs = 0;
	page.on('dialog', async (dialog) => {
		dialogs += 1;
		await dialog.dismiss();
	});
	await signIn(page, testAccounts.evaluator2);
	await gotoLive(page, `/utvarderingar/${id}/intervjuer`);
	const newForm = page.locator('form[action="?/create"]');
	await newForm.getByLabel('Datum').fill('2026-10-13');
	await newForm.getByLabel('Grupp').selectOption({ label: 'Förtroendevalda' });
	await newForm.getByLabel('Antal personer').fill('2');
	await newForm.getByLabel('Intervjuare').fill('Eva Utvärderare');
	await newForm.getByLabel('Anteckningar').fill('Samtal om styrmodellen.');
	await newForm.getByRole('button', { name: 'Lägg till intervju' }).click();
	const article = page.getByRole('article').filter({ hasText: '2026-10-13' });
	await expect(article).toHaveCount(1);
	// The form is empty again: a second click adds nothing.
	await expect(newForm.getByLabel('Anteckningar')).toHaveValue('');
	await expect(newForm.getByLabel('Datum')).toHaveValue('');

	// Deleting asks first, in the page; cancelling keeps the interview.
	await article.locator('summary', { hasText: 'Ta bort intervjun' }).click();
	await expect(article.getByText('Ta bort intervjun: 2026-10-13 (Förtroendevalda)?')).toBeVisible();
	await article.getByRole('button', { name: 'Avbryt' }).click();
	await expect(article.getByRole('button', { name: 'Ja, ta bort' })).toBeHidden();
	await article.locator('summary', { hasText: 'Ta bort intervjun' }).click();
	await article.getByRole('button', { name: 'Ja, ta bort' }).click();
	await expect(page.getByRole('article').filter({ hasText: '2026-10-13' })).toHaveCount(0);

	// "Ångra" puts it back, notes and all.
	await page.getByRole('button', { name: 'Ångra' }).click();
	await expect(page.getByText('Återställt.')).toBeVisible();
	await expect(page.getByRole('article').filter({ hasText: '2026-10-13' })).toHaveCount(1);
	await expect(
		page.getByRole('article').filter({ hasText: 'Samtal om styrmodellen.' })
	).toHaveCount(1);
	expect(dialogs).toBe(0);
});
