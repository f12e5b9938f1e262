/**
 * The whole journey of one evaluation, in one browser, on a real PostgreSQL (a throw-away cluster
 * of this test's own, with the demo data): the coordinator creates the users and the evaluation;
 * the municipality contact uploads a document and answers the questions; each evaluator records
 * an interview, cites a document passage, scores all 36 subareas blind and writes a finding; they
 * calibrate; the contact fact-checks; the coordinator publishes; an anonymous visitor on a phone
 * finds the municipality, reads its profile against the national average, compares it with two
 * others, switches to English and downloads the PDF, whose text holds the right total.
 * Screenshots of the main pages at both widths are kept under test-results/journey/.
 */
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { postgresBin, startApp, startCluster, type AppProcess, type Cluster } from './processes';
import { testAccounts } from './accounts';
import { makePdf } from '../helpers/files';

test.describe.configure({ mode: 'serial', timeout: 600_000 });

const rubric = JSON.parse(readFileSync('rubric/kommunkompassen-2020.json', 'utf8')) as {
	areas: { id: string; subareas: { id: string; title: string; maxPoints: number }[] }[];
};
const subareas = rubric.areas.flatMap((a) => a.subareas);
const municipality = { code: '1281', name: 'Lund' };
const year = 2027;
/** Evaluator A scores 70 % of max, B one point more where it fits; they agree on A's. */
const pointsA = (max: number) => Math.floor(max * 0.7);
const pointsB = (max: number) => Math.min(max, pointsA(max) + 1);
const agreedTotal = subareas.reduce((n, s) => n + pointsA(s.maxPoints), 0);
const shots = 'test-results/journey';

let cluster: Cluster | undefined;
let app: AppProcess | undefined;
const at = (path: string) => `${app!.origin}${path}`;

test.beforeAll(async () => {
	const bin = postgresBin();
	// In CI a missing PostgreSQL is a broken set-up, not a reason to pass: the journey is the one
	// test that runs the whole app on a real server, so it fails there instead of skipping.
	if (!bin && process.env.CI)
		throw new Error('PostgreSQL server binaries (initdb, pg_ctl) are missing in CI');
	test.skip(!bin, 'PostgreSQL server binaries (initdb, pg_ctl) are not installed');
	cluster = await startCluster(bin!);
	const prepared = spawnSync('npx', ['tsx', 'tests/e2e/prepare-cli.ts'], {
		env: { ...process.env, DATABASE_URL: cluster.url(), LOG_TO_STDERR: 'true' },
		encoding: 'utf8'
	});
	if (prepared.status !== 0) throw new Error(`prepare failed: ${prepared.stderr}`);
	app = await startApp({ port: 4360, env: { DATABASE_URL: cluster.url() } });
	mkdirSync(shots, { recursive: true });
});

test.afterAll(async () => {
	await app?.stop();
	cluster?.destroy();
});

interface Person {
	email: string;
	name: string;
	password: string;
	/** The invitation link from the coordinator's Utkorg (no SMTP server in this test). */
	invitation?: string;
}

async function hydrated(page: Page) {
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

async function signIn(page: Page, person: { email: string; password: string }) {
	await page.goto(at('/logga-in'));
	await hydrated(page);
	await page.getByLabel('E-postadress').fill(person.email);
	await page.getByLabel('Lösenord').fill(person.password);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
}

async function signOut(page: Page) {
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
}

/**
 * First sign-in through the invitation: the link (as the mail would carry it) asks for a new
 * password twice and signs the person in. No password is ever shown or handed over.
 */
async function firstSignIn(page: Page, person: Person) {
	await page.goto(person.invitation!);
	await hydrated(page);
	const chosen = `${person.email}-eget-val-2026`;
	await page.getByLabel('Nytt lösenord', { exact: true }).fill(chosen);
	await page.getByLabel('Nytt lösenord igen').fill(chosen);
	await page.getByRole('button', { name: 'Spara och logga in' }).click();
	await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
	person.password = chosen;
}

async function screenshot(page: Page, name: string) {
	for (const width of [1366, 390]) {
		await page.setViewportSize({ width, height: 900 });
		// Charts re-measure their box after a resize (a ResizeObserver): judge the settled layout.
		await expect.soft
			.poll(
				async () => [name, width, await page.evaluate(() => document.documentElement.scrollWidth)],
				{ message: 'no sideways scrolling' }
			)
			.toEqual([name, width, width]);
		await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
	}
	await page.setViewportSize({ width: 1366, height: 900 });
}

async function moveTo(page: Page, evaluationUrl: string, stage: string) {
	await page.goto(evaluationUrl);
	await hydrated(page);
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

const people: Record<'a' | 'b' | 'contact', Person> = {
	a: { email: 'anna.resa@test.se', name: 'Anna Resa', password: '' },
	b: { email: 'bo.resa@test.se', name: 'Bo Resa', password: '' },
	contact: { email: 'kontakt.lund@test.se', name: 'Klara Lund', password: '' }
};
let evaluationUrl = '';

test('the coordinator creates the users and the evaluation', async ({ page }) => {
	await signIn(page, testAccounts.coordinator);
	await page.goto(at('/admin/anvandare'));
	await hydrated(page);
	for (const [person, role] of [
		[people.a, 'evaluator'],
		[people.b, 'evaluator'],
		[people.contact, 'municipality']
	] as const) {
		await page.getByLabel('E-postadress').fill(person.email);
		await page.getByLabel('Namn', { exact: true }).fill(person.name);
		await page.getByLabel('Roll', { exact: true }).selectOption(role);
		if (role === 'municipality')
			await page
				.getByLabel('Kommun (för kontaktpersoner)', { exact: true })
				.selectOption(municipality.code);
		await page.getByRole('button', { name: 'Skapa användare' }).click();
		const created = page.getByRole('status').filter({ hasText: person.email });
		await expect(created).toBeVisible();
		await expect(created).not.toContainText('Engångslösenord');
	}
	// Without SMTP_URL each invitation waits in the Utkorg with its link.
	await page.goto(at('/admin/utkorg'));
	for (const person of Object.values(people)) {
		const row = page.getByRole('row').filter({ hasText: person.email }).first();
		person.invitation = (await row.locator('td.link a').getAttribute('href'))!;
		expect(person.invitation).toMatch(/\/logga-in\/losenord\//);
	}
	await screenshot(page, 'admin-anvandare');

	await page.goto(at('/utvarderingar/ny'));
	await hydrated(page);
	await page.getByLabel('Kommun', { exact: true }).selectOption(municipality.code);
	await page.getByLabel('År', { exact: true }).fill(String(year));
	await page.getByLabel(people.a.name).check();
	await page.getByLabel(people.b.name).check();
	await page.getByLabel('Kommunens kontaktperson').selectOption({ label: people.contact.name });
	await page.getByLabel('Besök, första dag').fill(`${year}-03-01`);
	await page.getByLabel('Besök, sista dag').fill(`${year}-03-03`);
	await page.getByRole('button', { name: 'Skapa utvärdering' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${municipality.name} ${year}`);
	evaluationUrl = page.url();
	await moveTo(page, evaluationUrl, 'Insamling');
	await screenshot(page, 'utvardering-oversikt');
	await signOut(page);
});

test('the contact uploads a governing document and answers the questions', async ({ page }) => {
	await firstSignIn(page, people.contact);
	await page.goto(`${evaluationUrl}/dokument`);
	await hydrated(page);
	const pdf = await makePdf([
		'Lunds styrmodell beskriver hur fullmäktiges mål bryts ned i nämndernas planer.',
		'Medborgardialog genomförs inför varje större beslut och återkopplas till medborgarna.'
	]);
	await page.getByLabel('Filer').setInputFiles({
		name: 'styrmodell-lund.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from(pdf)
	});
	await page.getByLabel('Typ av dokument').selectOption('styrmodell');
	await page.getByRole('button', { name: 'Ladda upp' }).click();
	await expect(page.getByText('Uppladdat: styrmodell-lund.pdf')).toBeVisible();
	await expect(page.getByRole('cell', { name: /klar \(2 sidor/ })).toBeVisible({
		timeout: 30_000
	});

	await page.goto(`${evaluationUrl}/svar`);
	await hydrated(page);
	for (const question of ['1.3.a', '2.4.a']) {
		const field = page.getByLabel(new RegExp(`^${question.replace(/\./g, '\\.')} `));
		await field.fill(`Lunds svar på ${question}: vi har en medborgarpanel.`);
		const form = page.locator('form').filter({ has: field });
		await expect(form.getByRole('status')).toHaveText('Sparat');
	}
	await screenshot(page, 'svar');
	await signOut(page);
});

for (const [key, points] of [
	['a', pointsA],
	['b', pointsB]
] as const) {
	test(`evaluator ${key.toUpperCase()} records, cites, scores blind and writes a finding`, async ({
		page
	}) => {
		const person = people[key];
		await firstSignIn(page, person);
		await page.goto(evaluationUrl);
		await page
			.getByRole('button', { name: 'Jag intygar att jag inte är jävig i denna utvärdering' })
			.click();
		await expect(page.getByText('Ditt intygande om att jäv saknas är registrerat.')).toBeVisible();
		if (key === 'a') await moveTo(page, evaluationUrl, 'Poängsättning');

		// An interview.
		await page.goto(`${evaluationUrl}/intervjuer`);
		await hydrated(page);
		await page.getByLabel('Datum').fill(`${year}-03-0${key === 'a' ? 1 : 2}`);
		await page.getByLabel('Grupp', { exact: true }).selectOption({ label: 'Förtroendevalda' });
		await page.getByLabel('Antal personer').fill('3');
		await page.getByLabel('Intervjuare').fill(person.name);
		await page.getByLabel('Anteckningar').fill(`Samtal om styrning, fört av ${person.name}.`);
		await page.getByRole('button', { name: 'Lägg till intervju' }).click();
		await expect(page.getByText('Intervjun är sparad.')).toBeVisible();

		// A passage of the contact's document, cited as evidence for 1.3.
		await page.goto(`${evaluationUrl}/dokument/sok`);
		await hydrated(page);
		await page.getByLabel('Sökord').fill('medborgardialog');
		await page.getByRole('button', { name: 'Sök' }).click();
		await expect(page.getByRole('status')).toHaveText('1 träff');
		await page.getByLabel('för delområde').selectOption('1.3');
		await page.getByRole('button', { name: /Använd som underlag/ }).click();
		await expect(page.getByText('Stycket är sparat som underlag.')).toBeVisible();

		// All 36 subareas on the sheet grid, by keyboard; blind to the other evaluator.
		await page.goto(`${evaluationUrl}/poang`);
		await hydrated(page);
		await expect(page.getByText('Du ser bara dina egna poäng')).toBeVisible();
		await page.locator('#points-1_1').focus();
		for (const s of subareas) {
			await page.keyboard.type(String(points(s.maxPoints)));
			await page.keyboard.press('Enter');
		}
		const total = subareas.reduce((n, s) => n + points(s.maxPoints), 0);
		await expect(page.getByText(`Totalt ${total} av 800 poäng`)).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: /^Sparat$/ })).toHaveCount(36, {
			timeout: 60_000
		});
		await screenshot(page, `poang-${key}`);
		expect((await page.goto(`${evaluationUrl}/kalibrering`))?.status()).toBe(403);

		// A strength of area 3.
		await page.goto(`${evaluationUrl}/fynd`);
		await hydrated(page);
		const area3 = page.locator('section[aria-labelledby="fa-3"]');
		await area3.getByLabel('Ny styrka').fill(`Tydlig styrmodell (${person.name})`);
		await area3.getByRole('button', { name: 'Lägg till' }).first().click();
		await expect
			.poll(() =>
				area3
					.locator('textarea')
					.evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value))
			)
			.toContain(`Tydlig styrmodell (${person.name})`);

		await page.goto(`${evaluationUrl}/poang`);
		await hydrated(page);
		await page.getByRole('button', { name: 'Lämna in mitt poängblad' }).click();
		await page.getByRole('button', { name: 'Ja, lämna in' }).click();
		await expect(page.getByText(/Ditt poängblad är inlämnat/).first()).toBeVisible();
		await signOut(page);
	});
}

test('the team calibrates and sends the draft to fact-checking', async ({ page }) => {
	await signIn(page, people.a);
	await moveTo(page, evaluationUrl, 'Kalibrering');
	await page.goto(`${evaluationUrl}/kalibrering`);
	await hydrated(page);
	await expect(page.getByRole('heading', { name: 'Samstämmighet' })).toBeVisible();
	// "Ta A" takes Anna's score (A is the first sheet) into the agreed score; the agreed score
	// needs a justification of its own (the sheets were scored without one): the form asks for it
	// in place, with focus there, and sends nothing to be refused; then it is saved.
	for (const s of subareas) {
		const section = page.locator('section.subarea', {
			has: page.locator(`#cal-${s.id.replace('.', '\\.')}`)
		});
		await section.getByRole('button', { name: /^Ta A/ }).click();
		if (s.id === '1.1') {
			await expect(section.getByRole('status')).toHaveText(
				'Inte sparat ännu: skriv en motivering, så sparas poängen.'
			);
			await expect(section.getByLabel('Motivering')).toBeFocused();
		}
		await section.getByLabel('Motivering').fill(`Överens om ${s.id}.`);
		await section.getByRole('button', { name: 'Spara' }).click();
		await expect(section.getByRole('status').filter({ hasText: /^Sparat$/ })).toBeVisible({
			timeout: 15_000
		});
	}
	await expect(page.getByRole('status').filter({ hasText: 'överenskomna' })).toContainText(
		`${subareas.length} av ${subareas.length} överenskomna · 0 återstår`
	);
	await screenshot(page, 'kalibrering');
	await moveTo(page, evaluationUrl, 'Faktagranskning');
	await signOut(page);
});

test('the contact fact-checks and the team answers', async ({ page }) => {
	await signIn(page, people.contact);
	await page.goto(`${evaluationUrl}/faktagranskning`);
	await hydrated(page);
	await page.getByLabel('Synpunkt').first().fill('Medborgarpanelen startade redan 2025.');
	await page.getByRole('button', { name: 'Skicka synpunkt' }).first().click();
	await expect(page.getByText('Medborgarpanelen startade redan 2025.')).toBeVisible();
	await screenshot(page, 'faktagranskning');
	await signOut(page);

	await signIn(page, people.b);
	await page.goto(`${evaluationUrl}/faktagranskning`);
	await hydrated(page);
	await page.getByLabel('Svar').first().fill('Tack, rättat i 1.3.');
	await page.getByRole('button', { name: 'Svara' }).first().click();
	await expect(page.getByText('Tack, rättat i 1.3.')).toBeVisible();
	await signOut(page);
});

test('the coordinator publishes', async ({ page }) => {
	await signIn(page, testAccounts.coordinator);
	await page.goto(evaluationUrl);
	await hydrated(page);
	await page.getByText('Publicera', { exact: true }).click();
	await page.getByRole('button', { name: 'Ja, publicera' }).click();
	await expect(page.getByText('Utvärderingen är publicerad (version 1).')).toBeVisible();
	await signOut(page);
});

test('a visitor on a phone finds, compares, reads in English and downloads the PDF', async ({
	page
}) => {
	await page.setViewportSize({ width: 390, height: 800 });
	await page.goto(at('/kommuner'));
	await page.getByLabel('Sök kommun eller kommunkod').fill(municipality.name);
	await page.getByRole('button', { name: 'Filtrera' }).click();
	await page.getByRole('link', { name: municipality.name, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/kommuner/${municipality.code}$`));
	await expect(
		page.getByText(`${year} (Kommunkompassen 2020): ${agreedTotal} poäng`)
	).toBeVisible();
	// The radar against the national average, with its table beside it.
	await expect(page.locator('svg[role="img"]').first()).toBeVisible();
	await expect(page.getByRole('table', { name: /mot Kommunsnitt/ })).toBeVisible();
	await screenshot(page, 'kommun');

	await page.goto(at(`/jamfor?kommuner=${municipality.name}%2C+Karlskoga%2C+Vallentuna`));
	const table = page.getByRole('table', { name: /Jämförelse/ });
	await expect(table.getByRole('row')).toHaveCount(4);
	await expect(table.getByRole('row', { name: new RegExp(municipality.name) })).toContainText(
		String(agreedTotal)
	);
	await screenshot(page, 'jamfor');

	await page.goto(at(`/kommuner/${municipality.code}`));
	await page.getByRole('button', { name: 'In English' }).click();
	await expect(page.getByRole('button', { name: 'På svenska' })).toBeVisible();
	await expect(
		page.getByText(`${year} (Kommunkompassen 2020): ${agreedTotal} points`)
	).toBeVisible();
	await screenshot(page, 'kommun-en');

	const pdf = await page.request.get(at(`/kommuner/${municipality.code}/${year}/rapport.pdf`));
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toContain('application/pdf');
	const text = spawnSync('pdftotext', ['-layout', '-', '-'], {
		input: await pdf.body(),
		encoding: 'utf8'
	}).stdout;
	expect(text).toContain(municipality.name);
	expect(text).toMatch(new RegExp(`${agreedTotal}\\s+(av|of)\\s+800`));
});
