import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { gotoLive, signIn, signOut, state } from './helpers';

test('a contact adds an action to a Karlskoga 2022 improvement; the 2026 re-evaluation team sees the earlier score and the action status', async ({
	page
}) => {
	test.setTimeout(120_000);
	const { karlskoga2022Id } = state();
	await signIn(page, testAccounts.karlskoga);
	await page.goto(`/utvarderingar/${karlskoga2022Id}/handlingsplan`);
	await expect(page.getByRole('heading', { name: 'Översikt per område' })).toBeVisible();
	// The plan reads first: a new action's form opens on demand, its improvements grouped by area.
	await page.locator('details.add > summary').click();
	const form = page.locator('form.action').last();
	await form.getByLabel('Åtgärd', { exact: true }).fill('Dialogforum för unga vuxna');
	await form.getByLabel('Ansvarig (roll)').fill('Demokratiutvecklare');
	await form.getByLabel('Startdatum').fill('2024-02-01');
	await form.getByLabel('Måldatum').fill('2025-12-31');
	await form.getByLabel('Status').selectOption('pagar');
	await form
		.locator('details.group', {
			hasText: 'Följ upp utfall och effekter av tidigare medborgardialoger'
		})
		.locator('summary')
		.click();
	await form.getByLabel(/Följ upp utfall och effekter av tidigare medborgardialoger/).check();
	await form.getByRole('button', { name: 'Lägg till åtgärd' }).click();
	await expect(
		page.getByRole('heading', { name: 'Dialogforum för unga vuxna – pågår' })
	).toBeVisible();
	await signOut(page);

	// The coordinator starts Karlskoga 2026 from 2022.
	await signIn(page, testAccounts.coordinator);
	await page.goto(`/utvarderingar/${karlskoga2022Id}`);
	await page.getByRole('link', { name: 'Starta uppföljande utvärdering' }).click();
	await page.getByLabel('År', { exact: true }).fill('2026');
	await page.getByLabel(testAccounts.evaluator1.name).check();
	await page.getByLabel(testAccounts.evaluator2.name).check();
	await page.getByRole('button', { name: 'Skapa utvärdering' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Karlskoga 2026');
	const url = page.url();
	await signOut(page);

	await signIn(page, testAccounts.evaluator1);
	await page.goto(`${url}/poang/1.3`);
	const previous = page.getByRole('complementary', {
		name: 'Förra utvärderingen (2022) – tidigare bedömning'
	});
	await expect(previous.getByText('Poäng då: 24 / 30')).toBeVisible();
	await expect(previous.getByText('Dialogforum för unga vuxna')).toBeVisible();
	await expect(previous.getByText('pågår')).toBeVisible();
	// Nothing copied: the new score is still empty.
	await expect(page.getByRole('form', { name: 'Min poäng' }).getByLabel(/Poäng/)).toHaveValue('');

	// The 2026 draft report has the development section.
	const report = await page.request.get(`${url}/rapport.pdf`);
	expect(report.status()).toBe(200);
	const { extractText, getDocumentProxy } = await import('unpdf');
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(await report.body())), {
		mergePages: true
	});
	expect(text).toContain('Utveckling sedan förra utvärderingen (2022)');
	expect(text).toContain('UTKAST');
});

test('a progress note: without a date it is noted today; refused, its message is beside its button with focus', async ({
	page
}) => {
	test.setTimeout(90_000);
	const { karlskoga2022Id } = state();
	await signIn(page, testAccounts.karlskoga);
	await gotoLive(page, `/utvarderingar/${karlskoga2022Id}/handlingsplan`);
	const row = page.locator('article.item').first();
	await row.locator('details.edit > summary').click();
	const note = row.locator('form.note');
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
	await expect(note.getByLabel('Datum')).toHaveValue(today);

	// Refused (no text): the message sits in the note's own form, after its button, and has focus.
	await note.getByRole('button', { name: 'Lägg till lägesrapport' }).click();
	const summary = note.getByRole('alert');
	await expect(summary).toContainText('Lägesrapport');
	await expect(summary).toBeFocused();
	await expect(row.locator('details.edit')).toHaveAttribute('open', '');

	// No date: noted today.
	await note.getByLabel('Datum').fill('');
	await note.getByLabel('Lägesrapport').fill('Första dialogträffen hållen');
	await note.getByRole('button', { name: 'Lägg till lägesrapport' }).click();
	await expect(row.locator('.latest')).toContainText(`${today}: Första dialogträffen hållen`);
});

test('the action plan exports in the reader’s language with statuses as written', async ({
	page
}) => {
	const { karlskoga2022Id } = state();
	await signIn(page, testAccounts.karlskoga);
	const csv = await (
		await page.request.get(`/utvarderingar/${karlskoga2022Id}/handlingsplan/export`)
	).text();
	// In Swedish the Swedish Excel dialect: semicolons between fields.
	expect(csv.split('\r\n')[0]).toMatch(/^\uFEFFÅtgärd;Beskrivning;Ansvarig;Status;/);
	expect(csv).not.toMatch(/owner_role|latest_note|[,;]pagar[,;]|[,;]genomford[,;]/);
});
