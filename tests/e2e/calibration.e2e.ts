/**
 * Calibration to work through: the flagged subareas on top as links, a filter, "Ta A" / "Ta B"
 * filling the agreed score (and an empty justification) and saving it, kept after a reload.
 */
import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { gotoLive, signIn, state } from './helpers';

test('calibrating with "Ta A" and "Ta B", the flagged filter and the summary', async ({ page }) => {
	const { calibratedDraftId: id } = state();
	await signIn(page, testAccounts.evaluator1);
	await gotoLive(page, `/utvarderingar/${id}/kalibrering`);

	// Area 1's five subareas differ by more than 10 % of max: flagged, linked from the summary.
	await expect(page.getByText('5 delområden behöver diskuteras')).toBeVisible();
	await expect(page.getByText('0 av 36 överenskomna · 36 återstår')).toBeVisible();
	const summary = page.locator('section.summary');
	await expect(summary.getByRole('link')).toHaveText(['1.1', '1.2', '1.3', '1.4', '1.5']);
	await page.getByLabel('Att diskutera').check();
	await expect(page.locator('section.subarea:visible')).toHaveCount(5);

	const s11 = page.locator('section.subarea', { has: page.locator('#cal-1\\.1') });
	await s11.getByRole('button', { name: /^Ta A/ }).click();
	await expect(s11.locator('#agreed-points-1_1')).toHaveValue('10');
	await expect(s11.locator('#agreed-justification-1_1')).toHaveValue('Erik Utvärderare om 1.1');
	await expect(s11.getByRole('status').filter({ hasText: /^Sparat$/ })).toBeVisible({
		timeout: 15_000
	});

	const s12 = page.locator('section.subarea', { has: page.locator('#cal-1\\.2') });
	await s12.getByRole('button', { name: /^Ta B/ }).click();
	await expect(s12.locator('#agreed-points-1_2')).toHaveValue('8');
	await expect(s12.getByRole('status').filter({ hasText: /^Sparat$/ })).toBeVisible({
		timeout: 15_000
	});
	await expect(page.getByText('2 av 36 överenskomna · 34 återstår')).toBeVisible();
	// Agreed, so no longer to discuss: the count and the links fall.
	await expect(page.getByText('3 delområden behöver diskuteras')).toBeVisible();
	await expect(summary.getByRole('link')).toHaveText(['1.3', '1.4', '1.5']);

	// "Inte överenskomna" leaves out the two just agreed.
	await page.getByLabel('Inte överenskomna').check();
	await expect(page.locator('section.subarea:visible')).toHaveCount(34);

	await page.reload();
	await expect(page.locator('#agreed-points-1_1')).toHaveValue('10');
	await expect(page.locator('#agreed-points-1_2')).toHaveValue('8');
	await expect(page.locator('#agreed-justification-1_2')).toHaveValue('Eva Utvärderare om 1.2');
});
