/**
 * Calibrating to the end (issue 24): two evaluators hand in sheets that agree on 30 subareas and
 * differ on 6 (A justifies every score, B only where they differ). A agrees all 30 in one action,
 * by keyboard, takes A on one differing card (saved at once), and after a reload 31 agreed scores
 * hold the right points and the sheets' justifications, with 5 remaining shown at the top.
 */
import { expect, test, type Page } from '@playwright/test';
import { testAccounts, type TestAccount } from './accounts';
import { gotoLive, signIn, signOut, state } from './helpers';
import { rubric2020 } from '../helpers/rubric';

const subareas = rubric2020.areas.flatMap((a) => a.subareas);

async function handIn(page: Page, account: TestAccount, id: number, unjustified: number) {
	await signIn(page, account);
	await gotoLive(page, `/utvarderingar/${id}/poang`);
	await page.getByRole('button', { name: 'Lämna in mitt poängblad' }).click();
	const confirm = page.locator('section.hand-in');
	await expect(confirm.getByRole('heading', { name: 'Lämna in poängbladet?' })).toBeFocused();
	if (unjustified)
		await expect(confirm).toContainText(`${unjustified} delområden saknar motivering`);
	else await expect(confirm).toContainText('Alla delområden har en motivering.');
	await confirm.getByRole('button', { name: 'Ja, lämna in' }).click();
	await expect(confirm.getByRole('status')).toContainText('Ditt poängblad är inlämnat');
}

test('30 equal, 6 different: agree all equal in one action, take A on one, 5 remain', async ({
	page
}) => {
	test.setTimeout(120_000);
	const { calibrationRunDraftId: id } = state();
	// B justified only the six it scored differently: 30 without a justification.
	await handIn(page, testAccounts.evaluator2, id, 30);
	await signOut(page);
	await handIn(page, testAccounts.evaluator1, id, 0);

	// A moves the evaluation on to calibration.
	await gotoLive(page, `/utvarderingar/${id}`);
	await page.getByText('Gå till Kalibrering', { exact: true }).click();
	await page.getByRole('button', { name: 'Ja, gå till Kalibrering' }).click();
	const done = page
		.getByRole('status')
		.filter({ hasText: 'Utvärderingen är nu i steget Kalibrering' });
	const gaps = page.getByLabel('Jag känner till luckorna och vill gå vidare ändå');
	await expect(done.or(gaps)).toBeVisible();
	if (await gaps.isVisible()) {
		await gaps.check();
		await page.getByRole('button', { name: 'Gå till Kalibrering', exact: true }).click();
	}
	await expect(done).toBeVisible();

	await gotoLive(page, `/utvarderingar/${id}/kalibrering`);
	const top = page.locator('section.summary');
	await expect(top).toContainText('0 av 36 överenskomna · 36 återstår');

	// One action, by keyboard, named with what it does and how many.
	const agreeAll = page.getByRole('button', { name: 'Godkänn alla där ni är överens (30)' });
	await agreeAll.focus();
	await page.keyboard.press('Enter');
	await expect(top.getByRole('status').filter({ hasText: 'godkändes' })).toHaveText(
		'30 delområden godkändes med poängbladens motiveringar.'
	);
	await expect(top).toContainText('30 av 36 överenskomna · 6 återstår');
	await expect(agreeAll).toHaveCount(0);

	// "Ta A" on a differing card saves A's points and text at once.
	const differing = subareas[0];
	const card = page.locator('section.subarea', {
		has: page.locator(`#cal-${differing.id.replace('.', '\\.')}`)
	});
	await card.getByRole('button', { name: /^Ta A/ }).focus();
	await page.keyboard.press('Enter');
	await expect(card.getByRole('status').filter({ hasText: /^Sparat$/ })).toBeVisible({
		timeout: 15_000
	});
	await expect(top).toContainText('31 av 36 överenskomna · 5 återstår');

	await page.reload();
	await expect(top).toContainText('31 av 36 överenskomna · 5 återstår');
	for (const [i, s] of subareas.entries()) {
		const key = s.id.replace('.', '_');
		const half = Math.floor(s.maxPoints / 2);
		if (i === 0 || i >= 6) {
			await expect(page.locator(`#agreed-points-${key}`)).toHaveValue(String(half));
			await expect(page.locator(`#agreed-justification-${key}`)).toHaveValue(
				`Erik Utvärderare motiverar ${s.id}`
			);
		} else {
			await expect(page.locator(`#agreed-points-${key}`)).toHaveValue('');
			await expect(page.locator(`#agreed-justification-${key}`)).toHaveValue('');
		}
	}
	// The five still to agree differ, so they are the ones to discuss, each a link to its card.
	await expect(top).toContainText('5 delområden behöver diskuteras');
	await expect(top.locator('ul.links').first().getByRole('link')).toHaveText(
		subareas.slice(1, 6).map((s) => s.id)
	);
});
