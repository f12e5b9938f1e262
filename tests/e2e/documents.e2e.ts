import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { signIn, state } from './helpers';
import { makePdf } from '../helpers/files';

test('an evaluator uploads a PDF, searches it and cites a passage as evidence for a subarea', async ({
	page
}) => {
	const { draftId } = state();
	const pdf = await makePdf([
		'Vallentunas styrmodell beskriver hur fullmäktiges mål bryts ned i nämndernas planer.',
		'Medborgardialog genomförs inför varje större beslut och återkopplas till medborgarna.'
	]);
	await signIn(page, testAccounts.evaluator1);
	await page.goto(`/utvarderingar/${draftId}/dokument`);
	await page.getByLabel('Filer').setInputFiles({
		name: 'styrmodell-vallentuna.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from(pdf)
	});
	await page.getByLabel('Typ av dokument').selectOption('styrmodell');
	await page.getByRole('button', { name: 'Ladda upp' }).click();
	await expect(page.getByText('Uppladdat: styrmodell-vallentuna.pdf')).toBeVisible();
	// Extraction runs in the background; the list updates from "bearbetas…" to "klar".
	await expect(page.getByRole('cell', { name: /klar \(2 sidor/ })).toBeVisible({ timeout: 20_000 });

	await page.goto(`/utvarderingar/${draftId}/dokument/sok`);
	await page.getByLabel('Sökord').fill('medborgardialog');
	await page.getByRole('button', { name: 'Sök' }).click();
	await expect(page.getByRole('status')).toHaveText('1 träff');
	await expect(page.locator('mark').first()).toHaveText(/Medborgardialog/i);
	await page.getByLabel('för delområde').selectOption('1.3');
	await page.getByRole('button', { name: /Använd som underlag/ }).click();
	await expect(page.getByText('Stycket är sparat som underlag.')).toBeVisible();

	// The quote appears beside the score of the subarea, with a link to its page.
	await page.goto(`/utvarderingar/${draftId}/poang/1.3`);
	const evidence = page.getByRole('region', { name: 'Underlag för delområdet' });
	await expect(
		evidence.getByText(/Medborgardialog genomförs inför varje större beslut/)
	).toBeVisible();
	await expect(evidence.getByRole('link', { name: 'Öppna på sidan' })).toHaveAttribute(
		'href',
		/#sida-2$/
	);
	// The scoring view also suggests passages from the documents by the subarea's keywords.
	await expect(
		page
			.getByRole('region', { name: 'Föreslagna stycken ur kommunens dokument' })
			.getByRole('listitem')
			.first()
	).toBeVisible();
});
