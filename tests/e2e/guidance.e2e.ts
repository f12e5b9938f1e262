import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { origin, signIn, signOut, state } from './helpers';

test.describe('guidance and questions from the rubric', () => {
	test('the subarea page shows the guidance and the questions, in English too', async ({
		page,
		context
	}) => {
		const { draftId } = state();
		await signIn(page, testAccounts.evaluator1);
		await page.goto(`/utvarderingar/${draftId}/poang/1.3`);
		const guidance = page.getByRole('region', { name: 'Vägledning' });
		await expect(guidance).toContainText('Utvärderarna ser efter hur medborgare kan påverka');
		await expect(guidance).toContainText('Lågt:');
		await expect(guidance.getByRole('listitem')).toHaveCount(3);
		await expect(guidance.getByRole('listitem').first()).toContainText('1.3.a');

		await context.addCookies([{ name: 'lang', value: 'en', url: origin }]);
		await page.reload();
		await expect(
			page.getByRole('heading', { name: /Citizens' opportunities for dialogue with politicians/ })
		).toBeVisible();
		const english = page.getByRole('region', { name: 'Guidance' });
		await expect(english).toContainText('The evaluators look at how citizens can influence');
		await expect(english.getByRole('listitem').first()).toContainText(
			'Which forms of dialogue between citizens and elected representatives exist'
		);
		await context.addCookies([{ name: 'lang', value: 'sv', url: origin }]);
		await page.reload();
		await signOut(page);
	});

	test('Kommunens svar asks each question of a subarea with its own answer field', async ({
		page
	}) => {
		const { draftId } = state();
		await signIn(page, testAccounts.vallentuna);
		await page.goto(`/utvarderingar/${draftId}/svar`);
		const subarea = page.locator('#delomrade-2\\.4');
		await expect(subarea.getByRole('textbox')).toHaveCount(3);
		for (const id of ['2.4.a', '2.4.b', '2.4.c']) {
			await expect(subarea.getByLabel(new RegExp(`^${id.replace(/\./g, '\\.')} `))).toBeVisible();
		}
		await expect(subarea.getByLabel(/^2\.4\.a /)).toHaveAccessibleName(
			/föreningslivet och civilsamhället/
		);
		await signOut(page);
	});
});
