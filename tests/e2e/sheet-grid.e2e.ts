/**
 * The sheet as one screen: all 36 subareas scored by keyboard only (points, Enter, next), the
 * area sums and the total following as the evaluator types, the filter, and handing in an
 * incomplete sheet naming what is missing.
 */
import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { gotoLive, signIn, state } from './helpers';

test('a full sheet scored by keyboard, with live sums, a filter and a complete hand-in', async ({
	page
}) => {
	test.setTimeout(180_000);
	const { scoringDraftId: id } = state();
	await signIn(page, testAccounts.evaluator2);
	const rubric = await (await page.request.get('/api/v1/rubrics/kommunkompassen-2020')).json();
	const areas: { id: string; subareas: { id: string; maxPoints: number }[] }[] = rubric.areas;
	const subareas = areas.flatMap((a) => a.subareas);
	const pointsFor = (max: number) => Math.floor(max / 2);

	await gotoLive(page, `/utvarderingar/${id}/poang`);
	await expect(page.getByText('Totalt 0 av 800 poäng')).toBeVisible();

	// Everything but the last subarea, by keyboard: type the points, Enter goes to the next.
	const started = Date.now();
	await page.locator('#points-1_1').focus();
	for (const s of subareas.slice(0, -1)) {
		await page.keyboard.type(String(pointsFor(s.maxPoints)));
		await page.keyboard.press('Enter');
	}
	const last = subareas.at(-1)!;
	await expect(page.locator(`#points-${last.id.replace('.', '_')}`)).toBeFocused();
	const partial = subareas.slice(0, -1).reduce((n, s) => n + pointsFor(s.maxPoints), 0);
	await expect(page.getByText(`Totalt ${partial} av 800 poäng`)).toBeVisible();
	const firstArea = areas[0];
	const firstAreaSum = firstArea.subareas.reduce((n, s) => n + pointsFor(s.maxPoints), 0);
	await expect(page.locator(`#area-${firstArea.id}`)).toContainText(`${firstAreaSum} av 100`);

	// The filter shows only what is left; handing in now names the missing subarea as a link.
	await page.getByLabel('Utan poäng').check();
	await expect(page.locator('li.row:visible')).toHaveCount(1);
	await page.getByLabel('Alla delområden').check();
	await expect(page.getByRole('status').filter({ hasText: /^Sparat$/ })).toHaveCount(35, {
		timeout: 30_000
	});
	await page.getByRole('button', { name: 'Lämna in mitt poängblad' }).click();
	await expect(page.getByRole('alert')).toContainText('1 delområde saknar poäng');
	await expect(page.getByRole('alert').getByRole('link', { name: last.id })).toBeVisible();

	await page.locator(`#points-${last.id.replace('.', '_')}`).focus();
	await page.keyboard.type(String(pointsFor(last.maxPoints)));
	await page.keyboard.press('Enter');
	const total = partial + pointsFor(last.maxPoints);
	await expect(page.getByText(`Totalt ${total} av 800 poäng`)).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: /^Sparat$/ })).toHaveCount(36, {
		timeout: 30_000
	});
	const seconds = (Date.now() - started) / 1000;
	test.info().annotations.push({ type: 'full sheet by keyboard', description: `${seconds} s` });
	console.log(`A full sheet of 36 scores by keyboard took ${seconds.toFixed(1)} s`);

	// Saved, not just shown: after a reload the total is the same.
	await page.reload();
	await expect(page.getByText(`Totalt ${total} av 800 poäng`)).toBeVisible();
	await page.getByRole('button', { name: 'Lämna in mitt poängblad' }).focus();
	await page.keyboard.press('Enter');
	// Asked in the page, focus on the question; "Ja, lämna in" hands it in, the receipt shows here.
	await expect(page.getByRole('heading', { name: 'Lämna in poängbladet?' })).toBeFocused();
	await page.getByRole('button', { name: 'Ja, lämna in' }).focus();
	await page.keyboard.press('Enter');
	const receipt = page.locator('section.hand-in').getByRole('status');
	await expect(receipt).toContainText('Ditt poängblad är inlämnat');
	await expect(receipt).toBeFocused();
});
