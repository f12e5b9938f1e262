import { expect, test } from '@playwright/test';
import { testAccounts } from './accounts';
import { gotoLive, signIn, signOut, state } from './helpers';

test.describe.configure({ mode: 'serial' });

const strength = 'Lund har en tydlig styrkedja från mål till uppföljning.';

test('a fact-check comment on a strength is answered by the team and closed by the contact', async ({
	page
}) => {
	test.setTimeout(120_000);
	const url = `/utvarderingar/${state().factCheckDraftId}`;

	// The contact comments on the strength itself, beside its text in the draft.
	await signIn(page, testAccounts.lund);
	await gotoLive(page, `${url}/faktagranskning`);
	await page.getByText(`Synpunkt på det här: Styrka: ${strength.slice(0, 40)}`).click();
	const field = page.getByRole('textbox', { name: `Synpunkt (Styrka: ${strength.slice(0, 40)}` });
	await field.fill('Styrkedjan gäller förvaltningen men inte bolagen.');
	await page
		.locator('form', { has: field })
		.getByRole('button', { name: 'Skicka synpunkt' })
		.click();
	await expect(page.getByRole('status')).toHaveText('Synpunkten är skickad.');
	const comment = page
		.getByRole('article')
		.filter({ hasText: 'Styrkedjan gäller förvaltningen men inte bolagen.' });
	await expect(comment).toContainText('Öppen');
	await expect(comment).toContainText(testAccounts.lund.name);
	await signOut(page);

	// The team is told: the navigation and the overview count the open comment.
	await signIn(page, testAccounts.evaluator1);
	await gotoLive(page, url);
	await expect(page.getByRole('link', { name: 'Faktagranskning 1 öppna' })).toBeVisible();
	await expect(page.getByText('1 öppen synpunkt')).toBeVisible();
	await page.getByRole('link', { name: 'Faktagranskning 1 öppna' }).click();
	await comment.getByLabel('Svar').fill('Vi har lagt till att bolagen inte omfattas.');
	await comment.getByRole('button', { name: 'Svara' }).click();
	await expect(page.getByRole('status')).toHaveText('Svaret är skickat.');
	await expect(comment).toContainText('Besvarad');
	await expect(comment).toContainText('Vi har lagt till att bolagen inte omfattas.');
	await expect(page.getByRole('link', { name: 'Faktagranskning', exact: true })).toBeVisible();
	await signOut(page);

	// The contact closes it, asked in the page first.
	await signIn(page, testAccounts.lund);
	await gotoLive(page, `${url}/faktagranskning`);
	await comment.getByText('Stäng synpunkten').click();
	await comment.getByRole('button', { name: 'Ja, stäng' }).click();
	await expect(page.getByRole('status')).toHaveText('Synpunkten är stängd.');
	await expect(comment).toContainText('Stängd');
	await expect(comment).toContainText(`Stängd av ${testAccounts.lund.name}`);
	await expect(comment.getByRole('button', { name: 'Svara' })).toHaveCount(0);
	await signOut(page);
});

test('publishing with an open comment asks for a confirmation naming it; without it nothing is published', async ({
	page
}) => {
	test.setTimeout(120_000);
	const url = `/utvarderingar/${state().factCheckDraftId}`;
	await signIn(page, testAccounts.lund);
	await gotoLive(page, `${url}/faktagranskning`);
	await page.getByLabel('Synpunkt').first().fill('Medborgarpanelen saknas i området.');
	await page.getByRole('button', { name: 'Skicka synpunkt' }).first().click();
	await expect(page.getByRole('status')).toHaveText('Synpunkten är skickad.');
	await signOut(page);

	await signIn(page, testAccounts.coordinator);
	await page.setViewportSize({ width: 1366, height: 768 });
	await gotoLive(page, `${url}/faktagranskning`);
	// The next step first, above the fold; the step back after it.
	const publish = page.getByText('Publicera', { exact: true });
	await expect(publish).toBeInViewport();
	const back = page.locator('summary', { hasText: 'Tillbaka till Kalibrering' });
	expect((await publish.boundingBox())!.y).toBeLessThanOrEqual((await back.boundingBox())!.y);
	await publish.click();
	// The last summary: total, areas, and the open comment by name, to be confirmed.
	await expect(page.getByText(/Totalt: \d+ av \d+ poäng/)).toBeVisible();
	await expect(page.getByRole('table', { name: 'Poäng per område' })).toBeVisible();
	const named = page.getByLabel(
		`${testAccounts.lund.name} (1): ”Medborgarpanelen saknas i området.”`
	);
	await expect(named).toBeVisible();
	// Without confirming it: refused with the comment named, nothing published.
	await page.getByRole('button', { name: 'Ja, publicera' }).click();
	await expect(page.getByRole('alert')).toContainText(
		`Det finns öppna synpunkter som inte är bekräftade: ${testAccounts.lund.name} (1): ”Medborgarpanelen saknas i området.”`
	);
	await expect(page.getByRole('alert')).toContainText('Inget publicerades.');
	await gotoLive(page, url);
	await expect(page.locator('.stages [aria-current="step"]')).toHaveText('Faktagranskning');
	await expect(page.getByRole('heading', { name: 'Publicerade versioner' })).toHaveCount(0);

	// Confirmed by name: published.
	await gotoLive(page, `${url}/faktagranskning`);
	await page.getByText('Publicera', { exact: true }).click();
	await named.check();
	await page.getByRole('button', { name: 'Ja, publicera' }).click();
	await expect(page.getByRole('status')).toHaveText('Utvärderingen är publicerad (version 1).');
	await gotoLive(page, url);
	await expect(page.locator('.stages [aria-current="step"]')).toHaveText('Publicerad');
});
