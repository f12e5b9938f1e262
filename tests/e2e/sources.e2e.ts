import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { testAccounts } from './accounts';
import { gotoLive, origin, signIn, signInRequest, signOut, state } from './helpers';

const formHeaders = { origin, accept: 'application/json', 'x-sveltekit-action': 'true' };

/** Adds an interview as an evaluator over HTTP; returns nothing (the page lists it). */
async function addInterview(
	request: APIRequestContext,
	draftId: number,
	notes: string,
	names: string
) {
	await signInRequest(request, testAccounts.evaluator1);
	const response = await request.post(`/utvarderingar/${draftId}/intervjuer?/create`, {
		form: {
			heldOn: '2026-09-08',
			group: 'ledande_tjanstepersoner',
			peopleCount: '2',
			interviewer: 'Erik',
			intervieweeNames: names,
			notes
		},
		headers: formHeaders
	});
	expect((await response.json()).type).toBe('redirect');
}

test.describe('sources', () => {
	test('the municipality contact writes answers but never sees interview notes or names', async ({
		page,
		request,
		playwright
	}) => {
		const { draftId } = state();
		const secret = 'KONFIDENTIELLT-e2e: kritik mot nämndens beredning';
		const names = 'Hemlig Intervjuperson';
		await addInterview(request, draftId, secret, names);

		// The contact answers per question, saved as she types.
		await signIn(page, testAccounts.vallentuna);
		await page.goto(`/utvarderingar/${draftId}/svar`);
		await expect(
			page.getByRole('heading', { name: 'Kommunens skriftliga svar', level: 2 })
		).toBeVisible();
		const answer = page.getByLabel(/^1\.3\.a /);
		await answer.fill('Vi har en medborgarpanel som möts fyra gånger om året.');
		const form = page.locator('form').filter({ has: answer });
		await expect(form.getByRole('status')).toHaveText('Sparat');
		await page.reload();
		await expect(page.getByLabel(/^1\.3\.a /)).toHaveValue(
			'Vi har en medborgarpanel som möts fyra gånger om året.'
		);
		// No link to interviews or evidence, and no way in by URL.
		await expect(page.getByRole('link', { name: 'Intervjuer' })).toHaveCount(0);
		for (const path of ['/intervjuer', '/underlag', '/webb', '/poang/1.3', '/export.json']) {
			const response = await page.goto(`/utvarderingar/${draftId}${path}`);
			expect([path, response?.status()]).toEqual([path, 403]);
			await expect(page.getByText(secret)).toHaveCount(0);
		}
		for (const path of ['', '/svar']) {
			await page.goto(`/utvarderingar/${draftId}${path}`);
			expect(await page.content()).not.toContain('KONFIDENTIELLT');
			expect(await page.content()).not.toContain(names);
		}
		await signOut(page);

		// Nor does the coordinator: no interview page, and the export leaves notes and names out.
		const coordinator = await playwright.request.newContext({ baseURL: origin });
		await signInRequest(coordinator, testAccounts.coordinator);
		expect((await coordinator.get(`/utvarderingar/${draftId}/intervjuer`)).status()).toBe(403);
		const exported = await coordinator.get(`/utvarderingar/${draftId}/export.json`);
		expect(exported.status()).toBe(200);
		const text = await exported.text();
		expect(text).toContain('ledande_tjanstepersoner');
		expect(text).not.toContain('KONFIDENTIELLT');
		expect(text).not.toContain(names);
		await coordinator.dispose();

		// The team does see them (so the checks above can fail).
		const team = await (await request.get(`/utvarderingar/${draftId}/intervjuer`)).text();
		expect(team).toContain(secret);
		expect(team).toContain(names);
	});

	test('a stale answer is refused with 409 and the saved text, over HTTP', async ({ request }) => {
		const { draftId } = state();
		await signInRequest(request, testAccounts.vallentuna);
		const save = (answer: string, version: string) =>
			request.post(`/utvarderingar/${draftId}/svar?/save`, {
				form: { targetId: '2.2.a', answer, version },
				headers: formHeaders
			});
		const first = await (await save('Text från flik ett', '0')).json();
		expect(first.type).toBe('success');
		const second = await (await save('Text från flik två', '0')).json();
		expect(second.status).toBe(409);
		expect(second.data).toContain('Text från flik ett');
		expect(second.data).toContain('Text från flik två');
		const unknown = await (
			await request.post(`/utvarderingar/${draftId}/svar?/save`, {
				form: { targetId: '9.9', answer: 'x', version: '0' },
				headers: formHeaders
			})
		).json();
		expect(unknown.status).toBe(400);
	});

	test('an interview edited in two tabs: the later save shows both texts, and saving again replaces the saved one', async ({
		browser,
		request
	}) => {
		const { draftId } = state();
		const base = `/utvarderingar/${draftId}`;
		await addInterview(request, draftId, 'Första versionen av anteckningarna.', 'Två flikar');
		const context = await browser.newContext();
		const [first, second] = [await context.newPage(), await context.newPage()];
		await signIn(first, testAccounts.evaluator1);
		const editor = async (page: Page) => {
			await gotoLive(page, `${base}/intervjuer`);
			// By its id: in edit mode the names are in a field, no longer text to filter on.
			const id = await page
				.getByRole('article')
				.filter({ hasText: 'Två flikar' })
				.getAttribute('id');
			const article = page.locator(`#${id}`);
			await article.getByRole('link', { name: /^Ändra/ }).click();
			await expect(article.getByLabel('Anteckningar')).toBeVisible();
			return article;
		};
		const [a, b] = [await editor(first), await editor(second)];

		await a.getByLabel('Anteckningar').fill('Flik A:s anteckningar.');
		await a.getByRole('button', { name: 'Spara intervju' }).click();
		await expect(a.getByRole('status')).toHaveText('Intervjun är sparad.');

		await b.getByLabel('Anteckningar').fill('Flik B:s anteckningar.');
		await b.getByRole('button', { name: 'Spara intervju' }).click();
		const notice = b.getByRole('alert').filter({ hasText: 'Någon annan har sparat under tiden' });
		await expect(notice).toBeVisible();
		await expect(notice).toContainText('Flik A:s anteckningar.');
		await expect(notice).toContainText('Flik B:s anteckningar.');
		await expect(b.getByLabel('Anteckningar')).toHaveValue('Flik B:s anteckningar.');

		// Saving again, now on the version the user has seen, replaces A's text.
		await b.getByRole('button', { name: 'Spara intervju' }).click();
		await expect(b.getByRole('status')).toHaveText('Intervjun är sparad.');
		await gotoLive(first, `${base}/intervjuer`);
		await expect(first.getByRole('article').filter({ hasText: 'Två flikar' })).toContainText(
			'Flik B:s anteckningar.'
		);
		await context.close();
	});

	test('an evaluator adds an interview and cites a quote from it as evidence for a subarea', async ({
		page
	}) => {
		const { draftId } = state();
		const base = `/utvarderingar/${draftId}`;
		await signIn(page, testAccounts.evaluator1);
		// Typed only once the page is live: hydration could reset a field typed before it.
		await gotoLive(page, `${base}/intervjuer`);
		await expect(page.getByText('stannar i utvärderingsgruppen')).toBeVisible();
		await page.getByLabel('Datum').fill('2026-09-07');
		await page.getByLabel('Grupp', { exact: true }).selectOption({ label: 'Förtroendevalda' });
		await page.getByLabel('Antal personer').fill('3');
		await page.getByLabel('Intervjuare').fill('Erik Utvärderare');
		await page.getByLabel('Intervjupersoner (valfritt)').fill('KSO och oppositionsråd');
		await page
			.getByLabel('Anteckningar')
			.fill(
				'Samtal om dialog.\nMedborgarpanelen möts fyra gånger om året och dess förslag når nämnderna.\nÖvrigt: budget.'
			);
		await page.getByRole('button', { name: 'Lägg till intervju' }).click();
		const article = page
			.getByRole('article')
			.filter({ hasText: '2026-09-07 · Förtroendevalda · 3 pers.' });
		await expect(article.getByRole('status')).toHaveText('Intervjun är sparad.');
		await expect(page.getByRole('row', { name: /Förtroendevalda/ })).toBeVisible();

		// Quote from its notes, as evidence for two subareas.
		await article.getByRole('link', { name: /Citera ur anteckningarna/ }).click();
		await expect(page.getByRole('region', { name: /Källans text/ })).toContainText(
			'Medborgarpanelen möts fyra gånger'
		);
		await page.getByLabel('Citat eller utdrag').fill('Medborgarpanelen möts varje vecka.');
		await page.getByRole('checkbox', { name: /^1\.3 / }).check();
		await page.getByRole('button', { name: 'Spara underlag' }).click();
		await expect(
			page.getByText('Citatet finns inte ordagrant i intervjuns anteckningar.')
		).toBeVisible();
		await page
			.getByLabel('Citat eller utdrag')
			.fill('Medborgarpanelen möts fyra gånger om året och dess förslag når nämnderna.');
		await expect(page.getByRole('checkbox', { name: /^1\.3 / })).toBeChecked();
		await page.getByRole('checkbox', { name: /^1\.5 / }).check();
		await page.getByLabel('Kommentar').fill('Regelbunden dialog');
		await page.getByRole('button', { name: 'Spara underlag' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Underlaget är sparat.' })
		).toBeVisible();
		const item = page
			.getByRole('listitem')
			.filter({ hasText: 'Medborgarpanelen möts fyra gånger om året' });
		await expect(item).toContainText('Intervju: 2026-09-07, Förtroendevalda');
		await expect(item).toContainText('Delområden: 1.3, 1.5');

		// Filtered by subarea: there under 1.3, not under 1.1.
		await page.getByLabel('Visa delområde').selectOption('1.1');
		await page.getByRole('button', { name: 'Visa', exact: true }).click();
		await expect(page.getByText('Medborgarpanelen möts fyra gånger om året')).toHaveCount(0);

		// The scoring view of 1.3 shows it beside the municipality's written answer.
		await page.goto(`${base}/poang/1.3`);
		const evidence = page.getByRole('region', { name: /Underlag för delområdet/ });
		await expect(evidence).toContainText(
			'Medborgarpanelen möts fyra gånger om året och dess förslag når nämnderna.'
		);
		await expect(evidence).toContainText('Intervju: 2026-09-07, Förtroendevalda');
		await expect(evidence).not.toContainText('KSO och oppositionsråd');
		await expect(page.getByRole('region', { name: 'Kommunens skriftliga svar' })).toBeVisible();

		// The narrative of 1.3 cites it (after declaring no conflict of interest, to write findings).
		await page.goto(base);
		await page
			.getByRole('button', { name: 'Jag intygar att jag inte är jävig i denna utvärdering' })
			.click();
		await expect(page.getByText('Ditt intygande om att jäv saknas är registrerat.')).toBeVisible();
		await page.goto(`${base}/fynd`);
		await page.getByText('Underlag (0): 1.3 Medborgarnas möjlighet').click();
		const choose = page.getByLabel('Citera underlag: 1.3 Medborgarnas möjlighet');
		await choose.selectOption({
			label: await choose
				.locator('option', { hasText: 'Medborgarpanelen möts fyra gånger' })
				.innerText()
		});
		await choose.locator('xpath=..').getByRole('button', { name: 'Citera' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Underlaget är citerat.' })
		).toBeVisible();
		await expect(page.getByText('Underlag (1): 1.3 Medborgarnas möjlighet')).toBeVisible();
		await page.goto(`${base}/underlag?delomrade=1.3`);
		await expect(
			page
				.getByRole('listitem')
				.filter({ hasText: 'Medborgarpanelen möts fyra gånger om året och' })
		).toContainText('Citeras av 1 fynd');
	});

	test('the sources pages have no accessibility violations (axe, WCAG 2.1 AA)', async ({
		page
	}) => {
		const { draftId } = state();
		const base = `/utvarderingar/${draftId}`;
		const check = async (path: string) => {
			await page.goto(path);
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			expect([
				path,
				results.violations.map(
					(v) =>
						`${v.id}: ${v.nodes
							.map((n) => n.target.join(' '))
							.slice(0, 3)
							.join(', ')}`
				)
			]).toEqual([path, []]);
		};
		await signIn(page, testAccounts.evaluator1);
		await page.goto(`${base}/intervjuer`);
		const interviewId = await firstInterviewId(page);
		for (const path of [
			'/intervjuer',
			`/intervjuer?redigera=${interviewId}`,
			'/webb',
			'/underlag',
			`/underlag?kalla=interview:${interviewId}`,
			'/svar',
			'/poang/1.3',
			'/fynd'
		]) {
			await check(`${base}${path}`);
		}
		await signOut(page);
		await signIn(page, testAccounts.vallentuna);
		await check(`${base}/svar`);
	});
});

/** The id of the first interview listed on the interview page. */
async function firstInterviewId(page: Page): Promise<number> {
	const id = await page.getByRole('article').first().getAttribute('id');
	return Number(id?.replace('intervju-', ''));
}
