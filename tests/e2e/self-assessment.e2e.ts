/**
 * Självskattning: two municipality users score blind, agree and see the gap against the
 * external evaluation; a shared self-assessment stays hidden from an evaluator until the
 * evaluator's own sheet is handed in; none ever reaches the open API or another municipality.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { selfAssessmentAccount, testAccounts, type TestAccount } from './accounts';
import { gotoLive, origin, signIn, signInRequest, signOut, state } from './helpers';

type Subarea = { id: string; maxPoints: number };

async function subareasOf(request: APIRequestContext): Promise<Subarea[]> {
	const rubric = await (await request.get('/api/v1/rubrics/kommunkompassen-2020')).json();
	return rubric.areas.flatMap((a: { subareas: Subarea[] }) => a.subareas);
}

/** Scores the whole own sheet by keyboard (points, Enter, next) and waits until all are saved. */
async function scoreSheet(page: Page, subareas: Subarea[], points: (max: number) => number) {
	await page.locator('#points-1_1').focus();
	for (const s of subareas) {
		await page.keyboard.type(String(points(s.maxPoints)));
		await page.keyboard.press('Enter');
	}
	await expect(page.getByRole('status').filter({ hasText: /^Sparat$/ })).toHaveCount(
		subareas.length,
		{ timeout: 60_000 }
	);
}

test('two municipality users score blind, agree, and see the gap radar', async ({ page }) => {
	test.setTimeout(240_000);
	const subareas = await subareasOf(page.request);
	const kim = testAccounts.karlskoga;
	await signIn(page, kim);
	await page.goto('/kommuner/1883');
	await page.getByRole('link', { name: 'Självskattning' }).click();
	await expect(page.getByRole('heading', { name: 'Självskattning', level: 1 })).toBeVisible();

	// The contact invites a colleague as a municipality user. The answer is the same for an address
	// that has an account and one that has not (it shows no password, which only a new account
	// would have): the new account's invitation mail waits in the Utkorg (no SMTP server here).
	await page.locator('#invite-name').fill('Karin Kollega');
	await page.locator('#invite-email').fill('kollega@karlskoga.test.se');
	await page.getByRole('button', { name: 'Bjud in' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'kollega@karlskoga.test.se har fått en inbjudan' })
	).toBeVisible();
	await page.locator('#invite-name').fill('Kim igen');
	await page.locator('#invite-email').fill(kim.email);
	// By keyboard: Enter in the field sends the invitation, and focus lands on its answer.
	await page.locator('#invite-email').press('Enter');
	await expect(
		page.getByRole('status').filter({ hasText: `${kim.email} har fått en inbjudan` })
	).toBeFocused();
	await signOut(page);
	await signIn(page, testAccounts.coordinator);
	await page.goto('/admin/utkorg');
	const invitation = (await page
		.getByRole('row')
		.filter({ hasText: 'kollega@karlskoga.test.se' })
		.first()
		.locator('td.link a')
		.getAttribute('href'))!;
	await signOut(page);
	await signIn(page, kim);
	await page.goto('/kommuner/1883/sjalvskattning');

	await page.locator('#sa-name').fill('Ledningsgruppens skattning');
	await page.getByLabel(/Karin Kollega/).check();
	await page.getByRole('button', { name: 'Starta självskattningen' }).click();
	await expect(page).toHaveURL(/\/kommuner\/1883\/sjalvskattning\/\d+$/);
	const url = new URL(page.url()).pathname;

	// Kim scores half of every maximum, with a comment on 1.1 that Karin must not see yet.
	await gotoLive(page, url);
	await expect(page.getByText('Poängsättningen är blind')).toBeVisible();
	await page.locator('#justification-1_1').fill('Kims egen bedömning');
	await scoreSheet(page, subareas, (max) => Math.floor(max / 2));
	await page.getByRole('button', { name: 'Lämna in mitt poängblad' }).click();
	await expect(page.getByText('1 i gruppen poängsätter fortfarande')).toBeVisible();
	await signOut(page);

	// Karin follows her invitation, chooses her password, and sees only her own sheet.
	await page.goto(invitation);
	await page.getByLabel('Nytt lösenord', { exact: true }).fill('karins-lösenord-2026!');
	await page.getByLabel('Nytt lösenord igen').fill('karins-lösenord-2026!');
	await page.getByRole('button', { name: 'Spara och logga in' }).click();
	await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();

	await gotoLive(page, url);
	await expect(page.locator('#points-1_1')).toHaveValue('');
	await expect(page.getByText('Kims egen bedömning')).toHaveCount(0);
	await scoreSheet(page, subareas, (max) => max);
	await page.getByRole('button', { name: 'Lämna in mitt poängblad' }).click();

	// Agreement: everyone's sheet, the calibration figures, and the agreed score per subarea.
	await expect(page.getByRole('heading', { name: 'Samsyn' })).toBeVisible();
	await gotoLive(page, url);
	await expect(page.getByText('Kims egen bedömning')).toBeVisible();
	await expect(page.getByText('Exakt samma poäng')).toBeVisible();
	await expect(page.getByText('Viktad Cohens kappa')).toBeVisible();
	const takeA = page.getByRole('button', { name: /^Ta A/ });
	await expect(takeA).toHaveCount(subareas.length);
	for (let i = 0; i < subareas.length; i++) await takeA.nth(i).click();
	await expect(page.getByRole('status').filter({ hasText: /^Sparat$/ })).toHaveCount(
		subareas.length,
		{ timeout: 60_000 }
	);
	await page.getByRole('button', { name: 'Markera självskattningen som klar' }).click();

	// The gap: the radar against the 2022 evaluation and the national average, with its table.
	await expect(page.getByRole('heading', { name: 'Resultat' })).toBeVisible();
	const half = subareas.reduce((n, s) => n + Math.floor(s.maxPoints / 2), 0);
	await expect(page.getByText(`Totalt ${half} av 800 poäng`)).toBeVisible();
	await expect(
		page.getByRole('img', { name: 'Självskattning, extern utvärdering och nationellt medelvärde' })
	).toBeVisible();
	await expect(
		page.getByRole('table').filter({ hasText: 'Extern utvärdering 2022' })
	).toBeVisible();
	await expect(page.getByRole('table', { name: 'Skillnad per delområde' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /Störst underskattning/ })).toBeVisible();

	// From gap to action: the first large gap becomes an improvement action.
	await page.getByLabel('Åtgärd', { exact: true }).fill('Ta fram en styrmodell för bolagen');
	await page.getByLabel('Ansvarig (roll)').fill('Kommundirektör');
	await page.getByRole('button', { name: 'Skapa åtgärd' }).click();
	await expect(page.getByRole('status').filter({ hasText: /Åtgärden är/ })).toBeVisible();

	// The timeline has the self-assessment beside the published evaluations, once (the chart's
	// table), and the list names it.
	await page.goto('/kommuner/1883/sjalvskattning');
	const timeline = page.locator('section', { has: page.locator('#timeline-h') });
	await expect(timeline.getByRole('cell', { name: 'Självskattning', exact: true })).toBeVisible();
	await expect(timeline.getByRole('cell', { name: 'Extern utvärdering' }).first()).toBeVisible();
	await expect(timeline.getByRole('table')).toHaveCount(1);
	await expect(page.getByRole('link', { name: 'Ledningsgruppens skattning' })).toBeVisible();
});

async function asUser(
	playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
	account: TestAccount | null
) {
	const context = await playwright.request.newContext({ baseURL: origin });
	if (account) await signInRequest(context, account);
	return context;
}

test('a shared self-assessment stays hidden from an evaluator until their own sheet is submitted', async ({
	page,
	playwright
}) => {
	test.setTimeout(180_000);
	const { selfAssessmentDraftId: draftId } = state();
	const subareas = await subareasOf(page.request);
	const averageBefore = await (await page.request.get('/api/v1/national-average')).json();

	// Upplands Väsby brings in last year's spreadsheet: full marks everywhere, which would move
	// the national average if it ever counted.
	await signIn(page, selfAssessmentAccount);
	await gotoLive(page, '/kommuner/0114/sjalvskattning');
	const file = {
		kind: 'självskattning',
		rubric: 'kommunkompassen-2020',
		municipality: { code: '0114' },
		name: 'Väsbys kalkylblad',
		date: '2025-11-01',
		scores: Object.fromEntries(subareas.map((s) => [s.id, s.maxPoints]))
	};
	// Wrong sums first: a clear message, nothing written.
	await page.getByLabel('JSON-fil').setInputFiles({
		name: 'fel.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ ...file, total: 1 }))
	});
	await page.getByRole('button', { name: 'Importera' }).click();
	await expect(page.getByRole('alert')).toContainText('summerar till 800');
	await expect(page.getByRole('link', { name: 'Väsbys kalkylblad' })).toHaveCount(0);
	await page.getByLabel('JSON-fil').setInputFiles({
		name: 'vasby.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await page.getByRole('button', { name: 'Importera' }).click();
	await expect(page).toHaveURL(/\/kommuner\/0114\/sjalvskattning\/\d+$/);
	const url = new URL(page.url()).pathname;
	await gotoLive(page, url);
	await page.getByLabel('Utvärdering', { exact: true }).selectOption({ label: '2026' });
	await page.getByRole('button', { name: 'Spara delningen' }).click();
	await expect(page.getByText('Delningen är sparad.')).toBeVisible();

	// Outsiders: 404 for the page, the list and the file; the open API knows nothing of it.
	const anonymous = await asUser(playwright, null);
	const otherMunicipality = await asUser(playwright, testAccounts.vallentuna);
	const evaluator = await asUser(playwright, testAccounts.evaluator1);
	const colleague = await asUser(playwright, testAccounts.evaluator2);
	for (const who of [anonymous, otherMunicipality]) {
		for (const path of [url, `${url}/export.json`, '/kommuner/0114/sjalvskattning'])
			expect([path, (await who.get(path, { maxRedirects: 0 })).status()]).toEqual([path, 404]);
	}
	expect(await (await anonymous.get('/api/v1/national-average')).json()).toEqual(averageBefore);
	for (const path of ['/api/v1/municipalities/0114/results', '/api/v1/results', '/kommuner/0114'])
		expect(await (await anonymous.get(path)).text()).not.toContain('Väsbys kalkylblad');

	// The evaluator still scoring blind: not found, and not in the list.
	expect((await evaluator.get(url)).status()).toBe(404);
	expect(await (await evaluator.get('/kommuner/0114/sjalvskattning')).text()).not.toContain(
		'Väsbys kalkylblad'
	);
	for (const s of subareas) {
		const saved = await evaluator.post(`/utvarderingar/${draftId}/poang?/save`, {
			form: { subareaId: s.id, points: String(Math.floor(s.maxPoints / 2)), justification: '' },
			headers: { origin, accept: 'text/html' },
			maxRedirects: 0
		});
		expect([s.id, saved.status()]).toEqual([s.id, 200]);
	}
	expect((await evaluator.get(url)).status()).toBe(404);
	const appendix = `/utvarderingar/${draftId}/sjalvskattning`;
	expect((await evaluator.get(appendix)).status()).toBe(404);
	const submitted = await evaluator.post(`/utvarderingar/${draftId}/poang?/submit`, {
		form: { confirmed: '1' },
		headers: { origin, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(submitted.status()).toBe(200);

	// Handed in: now the evaluator reads it (read-only); the teammate still scoring does not.
	const seen = await evaluator.get(url);
	expect(seen.status()).toBe(200);
	const html = await seen.text();
	expect(html).toContain('Väsbys kalkylblad');
	expect(html).toContain('Du kan läsa den, inte ändra den.');
	expect(await (await evaluator.get('/kommuner/0114/sjalvskattning')).text()).toContain(
		'Väsbys kalkylblad'
	);
	expect((await colleague.get(url)).status()).toBe(404);
	// The report's appendix: the self-assessment against the team's own judgement.
	const appendixPage = await evaluator.get(appendix);
	expect(appendixPage.status()).toBe(200);
	expect(await appendixPage.text()).toContain('Självskattning jämfört med utvärderarnas bedömning');
	expect((await colleague.get(appendix)).status()).toBe(404);
	expect((await evaluator.get(`${url}/export.json`)).status()).toBe(403);
});
