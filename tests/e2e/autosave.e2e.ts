/**
 * Autosave never takes anything away: typing across several autosaves keeps focus, caret and
 * every value; what was typed is what is saved (checked after a reload); an explicit save after
 * an autosave keeps the score; a refused save keeps the text with the message beside it.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { testAccounts } from './accounts';
import { gotoLive, signIn, state } from './helpers';

/** Types text key by key (as a person does), then waits until that form says it saved. */
async function typeAndAutosave(field: Locator, status: Locator, text: string) {
	await field.pressSequentially(text, { delay: 15 });
	await expect(status).toHaveText('Sparat', { timeout: 15_000 });
}

async function focusedId(page: Page) {
	return page.evaluate(() => document.activeElement?.id ?? '');
}

test('a score and its justification survive two autosaves while typing, and a reload', async ({
	page
}) => {
	const { scoringDraftId: id } = state();
	await signIn(page, testAccounts.evaluator1);
	await gotoLive(page, `/utvarderingar/${id}/poang/1.1`);
	const form = page.locator('form[aria-label="Min poäng"]');
	const points = form.locator('#points-1_1');
	const justification = form.locator('#justification-1_1');
	const status = form.getByRole('status');

	await points.click();
	await page.keyboard.type('20');
	await page.keyboard.press('Tab');
	expect(await focusedId(page)).toBe('justification-1_1');
	await typeAndAutosave(justification, status, 'Målen är tydliga');
	// The first autosave neither blanked the score nor moved focus away.
	await expect(points).toHaveValue('20');
	expect(await focusedId(page)).toBe('justification-1_1');
	await typeAndAutosave(justification, status, ' och följs upp varje år.');
	expect(await focusedId(page)).toBe('justification-1_1');
	await expect(points).toHaveValue('20');
	await expect(justification).toHaveValue('Målen är tydliga och följs upp varje år.');

	// An explicit save after the autosaves sends what is in the fields, not an empty score.
	await form.getByRole('button', { name: 'Spara' }).click();
	await expect(status).toHaveText('Sparat');
	await page.reload();
	await expect(points).toHaveValue('20');
	await expect(justification).toHaveValue('Målen är tydliga och följs upp varje år.');
});

test('an out-of-range score is refused at the field and the text stays', async ({ page }) => {
	const { scoringDraftId: id } = state();
	await signIn(page, testAccounts.evaluator1);
	await gotoLive(page, `/utvarderingar/${id}/poang/1.2`);
	const form = page.locator('form[aria-label="Min poäng"]');
	await form.locator('#points-1_2').fill('99');
	await form.locator('#justification-1_2').pressSequentially('Över max', { delay: 15 });
	await expect(form.locator('.field-error')).toBeVisible({ timeout: 15_000 });
	await expect(form.locator('#justification-1_2')).toHaveValue('Över max');
	await expect(form.locator('#points-1_2')).toHaveValue('99');
});

test('an agreed score in calibration survives repeated autosaves and a reload', async ({
	page
}) => {
	const { calibrationDraftId: id } = state();
	await signIn(page, testAccounts.evaluator2);
	await gotoLive(page, `/utvarderingar/${id}/kalibrering`);
	const form = page.locator('form[aria-label="Överenskommen poäng 1.1"]');
	const points = form.locator('#agreed-points-1_1');
	const justification = form.locator('#agreed-justification-1_1');
	const status = form.getByRole('status');

	await points.click();
	await page.keyboard.type('15');
	await page.keyboard.press('Tab');
	await typeAndAutosave(justification, status, 'Vi enades om 15');
	await typeAndAutosave(justification, status, ' efter samtalet.');
	expect(await focusedId(page)).toBe('agreed-justification-1_1');
	await expect(form.locator('.field-error')).toHaveCount(0);
	await page.reload();
	await expect(points).toHaveValue('15');
	await expect(justification).toHaveValue('Vi enades om 15 efter samtalet.');
});

test('a narrative in the findings keeps focus and text across autosaves', async ({ page }) => {
	const { calibrationDraftId: id } = state();
	await signIn(page, testAccounts.evaluator1);
	await gotoLive(page, `/utvarderingar/${id}/fynd`);
	const narrative = page.locator('#text-narrative-1-1');
	const status = page.locator('form:has(#text-narrative-1-1)').getByRole('status');
	await narrative.click();
	await typeAndAutosave(narrative, status, 'Kommunen har en tydlig');
	await typeAndAutosave(narrative, status, ' styrmodell.');
	expect(await focusedId(page)).toBe('text-narrative-1-1');
	await page.reload();
	await expect(narrative).toHaveValue('Kommunen har en tydlig styrmodell.');
});
