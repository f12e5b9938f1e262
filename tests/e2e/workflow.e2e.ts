import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { testAccounts } from './accounts';
import { gotoLive, signIn, signOut } from './helpers';

const rubric = JSON.parse(readFileSync('rubric/kommunkompassen-2020.json', 'utf8')) as {
	areas: { subareas: { id: string; title: string; maxPoints: number }[] }[];
};
const subareas = rubric.areas.flatMap((a) => a.subareas);

async function moveTo(page: Page, stage: string) {
	// Moving on asks in the page first; gaps then need their own confirmation.
	await page.getByText(`Gå till ${stage}`, { exact: true }).click();
	await page.getByRole('button', { name: `Ja, gå till ${stage}` }).click();
	const done = page
		.getByRole('status')
		.filter({ hasText: `Utvärderingen är nu i steget ${stage}` });
	const confirm = page.getByLabel('Jag känner till luckorna och vill gå vidare ändå');
	await expect(done.or(confirm)).toBeVisible();
	if (await confirm.isVisible()) {
		await confirm.check();
		await page.getByRole('button', { name: `Gå till ${stage}`, exact: true }).click();
	}
	await expect(done).toBeVisible();
}

/** Fills one score form (points + justification) and waits until it is saved. */
async function score(page: Page, label: string, points: number, justification: string) {
	const form = page.getByRole('form', { name: label, exact: true });
	await form.getByLabel(/Poäng/).fill(String(points));
	await form.getByLabel('Motivering').fill(justification);
	await form.getByRole('button', { name: 'Spara' }).click();
	await expect(form.getByRole('status')).toHaveText('Sparat');
}

test('two evaluators score blind, calibrate, the municipality fact-checks and the coordinator publishes', async ({
	page
}) => {
	test.setTimeout(300_000);
	// The coordinator creates the evaluation.
	await signIn(page, testAccounts.coordinator);
	await gotoLive(page, '/utvarderingar/ny');
	await page.getByLabel('Kommun', { exact: true }).selectOption('0115');
	await page.getByLabel('År', { exact: true }).fill('2027');
	await page.getByLabel(testAccounts.evaluator1.name).check();
	await page.getByLabel(testAccounts.evaluator2.name).check();
	await page
		.getByLabel('Kommunens kontaktperson')
		.selectOption({ label: testAccounts.vallentuna.name });
	await page.getByLabel('Planerat besök, första dag').fill('2027-03-01');
	await page.getByLabel('Planerat besök, sista dag').fill('2027-03-03');
	await page.getByRole('button', { name: 'Skapa utvärdering' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vallentuna 2027');
	const url = page.url();
	await moveTo(page, 'Insamling');
	await signOut(page);

	// Both evaluators declare no conflict of interest and score on their own.
	for (const [account, offset] of [
		[testAccounts.evaluator1, 0],
		[testAccounts.evaluator2, 1]
	] as const) {
		await signIn(page, account);
		await page.goto(url);
		await page
			.getByRole('button', { name: 'Jag intygar att jag inte är jävig i denna utvärdering' })
			.click();
		await expect(page.getByText('Ditt intygande om att jäv saknas är registrerat.')).toBeVisible();
		if (offset === 0) await moveTo(page, 'Poängsättning');
		await page.goto(`${url}/poang`);
		await expect(page.getByText('Du ser bara dina egna poäng')).toBeVisible();
		for (const s of subareas) {
			await score(
				page,
				`${s.id} ${s.title}`,
				Math.min(s.maxPoints, Math.floor(s.maxPoints * 0.7) + offset),
				`Motivering ${s.id}`
			);
		}
		if (offset === 0) {
			// Blind: the other sheet cannot be seen while scoring.
			const calibration = await page.goto(`${url}/kalibrering`);
			expect(calibration?.status()).toBe(403);
			await page.goto(`${url}/poang`);
		}
		await page.getByRole('button', { name: 'Lämna in mitt poängblad' }).click();
		await expect(page.getByText(/Ditt poängblad är inlämnat/)).toBeVisible();
		await signOut(page);
	}

	// Calibration: both sheets side by side, the team records the agreed scores.
	await signIn(page, testAccounts.evaluator1);
	await page.goto(url);
	await moveTo(page, 'Kalibrering');
	await page.goto(`${url}/kalibrering`);
	await expect(page.getByRole('heading', { name: 'Samstämmighet' })).toBeVisible();
	for (const s of subareas) {
		await score(
			page,
			`Överenskommen poäng ${s.id}`,
			Math.floor(s.maxPoints * 0.7),
			`Överens om ${s.id}`
		);
	}
	await page.goto(url);
	await moveTo(page, 'Faktagranskning');
	await signOut(page);

	// The municipality contact comments on the draft; the team answers.
	await signIn(page, testAccounts.vallentuna);
	await page.goto(`${url}/faktagranskning`);
	await page.getByLabel('Synpunkt').first().fill('Vi har även en medborgarpanel sedan 2026.');
	await page.getByRole('button', { name: 'Skicka synpunkt' }).first().click();
	await expect(page.getByText('Vi har även en medborgarpanel sedan 2026.')).toBeVisible();
	await signOut(page);
	await signIn(page, testAccounts.evaluator2);
	await page.goto(`${url}/faktagranskning`);
	await page.getByLabel('Svar').first().fill('Tack, vi har lagt till panelen under 1.3.');
	await page.getByRole('button', { name: 'Svara' }).first().click();
	await expect(page.getByText('Tack, vi har lagt till panelen under 1.3.')).toBeVisible();
	await signOut(page);

	// The coordinator publishes; the public municipality page shows the new total.
	await signIn(page, testAccounts.coordinator);
	await page.goto(url);
	// Publishing asks first, in the page.
	await page.getByText('Publicera', { exact: true }).click();
	await page.getByRole('button', { name: 'Ja, publicera' }).click();
	await expect(page.getByText('Utvärderingen är publicerad (version 1).')).toBeVisible();
	const total = subareas.reduce((n, s) => n + Math.floor(s.maxPoints * 0.7), 0);
	await signOut(page);
	await page.goto('/kommuner/0115');
	await expect(page.getByText(`2027 (Kommunkompassen 2020): ${total} poäng`)).toBeVisible();
});
