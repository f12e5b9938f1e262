/**
 * A strength's own language (issue 27, item 4): the select beside it is reached by keyboard,
 * saves with the item, marks the text field with the language, and the draft report marks the
 * strength with it; the page passes axe with the selects on it.
 */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { testAccounts } from './accounts';
import { gotoLive, signIn, state } from './helpers';

test('an English strength in a Swedish evaluation is marked lang="en" in the editor and the report', async ({
	page
}) => {
	const { calibrationDraftId: id } = state();
	await signIn(page, testAccounts.evaluator1);
	await gotoLive(page, `/utvarderingar/${id}/fynd`);
	const section = page.locator('section[aria-labelledby="fa-5"]');
	const text = 'E2E citizens are heard early';
	await section.getByLabel('Ny styrka').fill(text);
	await section.getByRole('button', { name: 'Lägg till' }).first().click();
	const strengths = section.locator('h4:has-text("Styrkor") + ul.items');
	const field = strengths.locator('textarea').last();
	await expect(field).toHaveValue(text);
	await expect(field).toHaveAttribute('lang', 'sv');

	// From the text, past the gold star, to the language select: by keyboard.
	await field.focus();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	const select = strengths.getByLabel('Språk').last();
	await expect(select).toBeFocused();
	await expect(select).toHaveValue('');
	await expect(select.locator('option').first()).toHaveText('Utvärderingens språk (Svenska)');
	await select.selectOption('en');
	await expect(field).toHaveAttribute('lang', 'en');
	const form = field.locator('xpath=ancestor::form');
	await expect(form.getByRole('status')).toHaveText('Sparat', { timeout: 15_000 });

	await page.reload();
	const again = page.locator('section[aria-labelledby="fa-5"] h4:has-text("Styrkor") + ul.items');
	await expect(again.getByLabel('Språk').last()).toHaveValue('en');
	await expect(again.locator('textarea').last()).toHaveAttribute('lang', 'en');

	await page.goto(`/utvarderingar/${id}/rapport`);
	await expect(page.locator('#genomgang').getByText(text, { exact: true })).toHaveAttribute(
		'lang',
		'en'
	);

	await page.goto(`/utvarderingar/${id}/fynd`);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
});
