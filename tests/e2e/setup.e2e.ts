import { expect, test, type Page } from '@playwright/test';
import { testAccounts } from './accounts';
import { gotoLive, signIn, signOut, state } from './helpers';

async function startCollection(page: Page) {
	// Moving on asks in the page first; gaps then need their own confirmation.
	await page.getByText('Gå till Insamling', { exact: true }).click();
	await page.getByRole('button', { name: 'Ja, gå till Insamling' }).click();
	const done = page
		.getByRole('status')
		.filter({ hasText: 'Utvärderingen är nu i steget Insamling' });
	const confirm = page.getByLabel('Jag känner till luckorna och vill gå vidare ändå');
	await expect(done.or(confirm)).toBeVisible();
	if (await confirm.isVisible()) {
		await confirm.check();
		await page.getByRole('button', { name: 'Gå till Insamling', exact: true }).click();
	}
	await expect(done).toBeVisible();
}

test('the coordinator changes the team of an evaluation in collection; the new member must declare', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, testAccounts.coordinator);
	await gotoLive(page, '/utvarderingar/ny');
	await page.getByLabel('Kommun', { exact: true }).selectOption('1880');
	await page.getByLabel('År', { exact: true }).fill('2028');
	await page.getByLabel(testAccounts.evaluator1.name).check();
	await page.getByLabel(testAccounts.evaluator2.name).check();
	await page.getByRole('button', { name: 'Skapa utvärdering' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Örebro 2028');
	const url = new URL(page.url()).pathname;
	await startCollection(page);

	// Set-up: Eva leaves, Emil joins; the dates are planned.
	await page.getByRole('link', { name: 'Ändra grupp, kontaktperson och datum' }).click();
	await expect(page.getByRole('heading', { name: 'Inställningar' })).toBeVisible();
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await page.getByLabel(testAccounts.evaluator2.name).uncheck();
	await page.getByLabel(testAccounts.evaluator3.name).check();
	await page.getByLabel('Kommunens svar senast').fill('2020-01-15');
	await page.getByLabel('Besök, första dag').fill('2028-03-01');
	// Out of order: refused at its field, nothing saved.
	await page.getByLabel('Besök, sista dag').fill('2028-02-01');
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.getByText('Sista besöksdagen kan inte vara före den första.')).toBeVisible();
	await page.getByLabel('Besök, sista dag').fill('2028-03-03');
	await page.getByRole('button', { name: 'Spara inställningarna' }).click();
	await expect(page.getByRole('status')).toContainText(
		`Nya i gruppen ombeds intyga att jäv saknas: ${testAccounts.evaluator3.name}`
	);
	await page.goto(url);
	const team = page.getByRole('region', { name: 'Utvärderingsgrupp' });
	await expect(team.getByText(testAccounts.evaluator3.name)).toContainText('Har inte intygat jäv');
	await expect(team.getByText(testAccounts.evaluator2.name)).toHaveCount(0);
	await expect(team.getByText('2028-03-01 – 2028-03-03')).toBeVisible();
	// The answers' date has passed: the list says so.
	await page.goto('/utvarderingar');
	await expect(page.getByRole('row', { name: /Örebro 2028/ })).toContainText(
		'Kommunens svar senast'
	);
	await signOut(page);

	// The new member is asked for the declaration first, then works.
	await signIn(page, testAccounts.evaluator3);
	await gotoLive(page, url);
	const tasks = page.getByRole('region', { name: 'Att göra' });
	await expect(tasks).toContainText('Intyga att du inte är jävig');
	await page.getByRole('button', { name: 'Jag intygar att jag inte är jävig' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'registrerat' })).toBeVisible();
	await expect(tasks).not.toContainText('Intyga att du inte är jävig');
	await expect(tasks).toContainText('Besöket');
	await signOut(page);

	// Eva no longer sees it.
	await signIn(page, testAccounts.evaluator2);
	await page.goto('/utvarderingar');
	await expect(page.getByRole('link', { name: 'Örebro 2028' })).toHaveCount(0);
});

test('Enter in the invite fields invites the person, keeps the form and focuses the result; Enter elsewhere creates', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, testAccounts.coordinator);
	await gotoLive(page, '/utvarderingar/ny');
	await page.getByLabel('Kommun', { exact: true }).selectOption('1881');
	await page.getByLabel('År', { exact: true }).fill('2031');
	await page.getByLabel(testAccounts.evaluator1.name).check();

	// An evaluator, by keyboard: type, then Enter in the e-mail field.
	await page.locator('#inviteName').fill('Ines Inbjuden');
	await page.locator('#inviteEmail').fill('ines.inbjuden@test.se');
	await page.locator('#inviteEmail').press('Enter');
	const invited = page.getByRole('status').filter({ hasText: 'Ines Inbjuden är inbjuden' });
	await expect(invited).toBeFocused();
	await expect(page).toHaveURL(/\/utvarderingar\/ny$/);
	await expect(page.getByLabel('Ines Inbjuden', { exact: true })).toBeChecked();
	// Nothing typed in the evaluation's form is lost, and the invite fields are empty again.
	await expect(page.getByLabel(testAccounts.evaluator1.name)).toBeChecked();
	await expect(page.getByLabel('Kommun', { exact: true })).toHaveValue('1881');
	await expect(page.getByLabel('År', { exact: true })).toHaveValue('2031');
	await expect(page.locator('#inviteName')).toHaveValue('');

	// The contact, Enter in the name field.
	await page.locator('#inviteAs').selectOption('contact');
	await page.locator('#inviteEmail').fill('kalle.kontakt@test.se');
	await page.locator('#inviteName').fill('Kalle Kontakt');
	await page.locator('#inviteName').press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Kalle Kontakt är inbjuden' })
	).toBeFocused();
	await expect(
		page.getByLabel('Kommunens kontaktperson', { exact: true }).locator('option:checked')
	).toHaveText('Kalle Kontakt');
	await expect(page.getByLabel('Ines Inbjuden', { exact: true })).toBeChecked();

	// A refused invitation (no address) creates nothing and says why.
	await page.locator('#inviteName').fill('Utan Adress');
	await page.locator('#inviteName').press('Enter');
	await expect(page.locator('#inviteEmail')).toHaveAttribute('aria-invalid', 'true');
	await expect(page).toHaveURL(/\/utvarderingar\/ny$/);
	await page.locator('#inviteName').fill('');

	// Enter in the evaluation's own fields still creates the evaluation, with both new people.
	await page.getByLabel('År', { exact: true }).press('Enter');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kumla 2031');

	// The set-up page's invite works the same way and keeps the team.
	await page.getByRole('link', { name: 'Ändra grupp, kontaktperson och datum' }).click();
	await expect(page.getByRole('heading', { name: 'Inställningar' })).toBeVisible();
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	await expect(page.getByLabel('Ines Inbjuden', { exact: true })).toBeChecked();
	await page.locator('#inviteName').fill('Olle Ordinarie');
	await page.locator('#inviteEmail').fill('olle.ordinarie@test.se');
	await page.locator('#inviteEmail').press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: 'Olle Ordinarie är inbjuden' })
	).toBeFocused();
	await expect(page.getByLabel('Olle Ordinarie', { exact: true })).toBeChecked();
	await expect(page.getByLabel('Ines Inbjuden', { exact: true })).toBeChecked();
	await expect(page.getByLabel(testAccounts.evaluator1.name)).toBeChecked();
	// Not saved until the set-up is saved.
	await expect(
		page.getByRole('status').filter({ hasText: 'Inställningarna är sparade.' })
	).toHaveCount(0);
});

test('a duplicate links to the existing evaluation', async ({ page }) => {
	await signIn(page, testAccounts.coordinator);
	await gotoLive(page, '/utvarderingar/ny');
	await page.getByLabel('Kommun', { exact: true }).selectOption('0115');
	await page.getByLabel('År', { exact: true }).fill('2026');
	await page.getByRole('button', { name: 'Skapa utvärdering' }).click();
	const link = page.getByRole('link', {
		name: 'Öppna den befintliga utvärderingen Vallentuna 2026'
	});
	await expect(link).toBeVisible();
	await link.click();
	await expect(page).toHaveURL(new RegExp(`/utvarderingar/${state().draftId}$`));
});

test('a re-evaluation starts with a year not past, the team and the carried-over documents', async ({
	page
}) => {
	test.setTimeout(120_000);
	const { karlskoga2022Id } = state();
	await signIn(page, testAccounts.coordinator);
	await gotoLive(page, `/utvarderingar/${karlskoga2022Id}`);
	await page.getByRole('link', { name: 'Starta uppföljande utvärdering' }).click();
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
	// The year offered is the later of baseline + 1 and this year (issue 28), never a past one.
	const thisYear = new Intl.DateTimeFormat('sv-SE', {
		year: 'numeric',
		timeZone: 'Europe/Stockholm'
	}).format(new Date());
	await expect(page.getByLabel('År', { exact: true })).toHaveValue(
		String(Math.max(2023, Number(thisYear)))
	);
	await expect(page.getByLabel('Kommun', { exact: true })).toHaveValue('1883');
	// This test's follow-up is dated 2023, a year no other test uses for Karlskoga.
	await page.getByLabel('År', { exact: true }).fill('2023');
	// The team of 2022 (the demo's) is pre-filled and editable.
	await expect(page.getByLabel('Demo – Utvärderare A')).toBeChecked();
	await expect(page.getByLabel('Demo – Utvärderare B')).toBeChecked();
	await page.getByLabel('Demo – Utvärderare B').uncheck();
	await page.getByLabel(testAccounts.evaluator1.name).check();
	await page
		.getByLabel('Kommunens kontaktperson')
		.selectOption({ label: testAccounts.karlskoga.name });
	const started = Date.now();
	await page.getByRole('button', { name: 'Skapa utvärdering' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Karlskoga 2023');
	console.log(`re-evaluation start, click to overview: ${Date.now() - started} ms`);
	const url = new URL(page.url()).pathname;
	const team = page.getByRole('region', { name: 'Utvärderingsgrupp' });
	await expect(team).toContainText('Demo – Utvärderare A');
	await expect(team).toContainText(testAccounts.evaluator1.name);
	await expect(team).not.toContainText('Demo – Utvärderare B');
	await expect(team).toContainText(testAccounts.karlskoga.name);
	await startCollection(page);
	await page.goto(`${url}/dokument`);
	const row = page.getByRole('row', { name: /Analys av Karlskoga kommun/ });
	await expect(row).toContainText('Från förra utvärderingen');
	await expect(row).toContainText('klar');
	await signOut(page);

	// The contact says the document still applies; the task is then done.
	await signIn(page, testAccounts.karlskoga);
	await gotoLive(page, url);
	await expect(page.getByRole('region', { name: 'Att göra' })).toContainText(
		'Ange vilka styrdokument från förra utvärderingen som fortfarande gäller'
	);
	await gotoLive(page, `${url}/dokument`);
	const question = page.getByRole('group', {
		name: /Gäller Kommunkompassen – Analys av Karlskoga/
	});
	await question.getByLabel('Gäller fortfarande').check();
	await question.getByRole('button', { name: 'Spara' }).click();
	await expect(question.getByRole('status')).toHaveText('Sparat.');
	await gotoLive(page, url);
	await expect(page.getByRole('region', { name: 'Att göra' })).not.toContainText(
		'Ange vilka styrdokument'
	);
});

test('a planned date already past is asked about before the evaluation is created', async ({
	page
}) => {
	await signIn(page, testAccounts.coordinator);
	await gotoLive(page, '/utvarderingar/ny');
	await page.getByLabel('Kommun', { exact: true }).selectOption('2180');
	await page.getByLabel('År', { exact: true }).fill('2026');
	await page.getByLabel('Kommunens svar senast').fill('2026-01-15');
	await page.getByRole('button', { name: 'Skapa utvärdering' }).click();
	await expect(
		page
			.getByText('Datumet har redan passerat: utvärderingen visas då som försenad direkt.')
			.first()
	).toBeVisible();
	await expect(page.getByLabel('Kommunens svar senast')).toHaveValue('2026-01-15');
	await page.getByLabel('Ja, datumen som redan passerat stämmer').check();
	await page.getByRole('button', { name: 'Skapa utvärdering' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gävle 2026');
});
