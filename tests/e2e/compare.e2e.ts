import { expect, test, type Page } from '@playwright/test';
import { gotoLive } from './helpers';

/** Chooses a municipality in the combobox with the keyboard: type, arrow down, Enter. */
async function choose(page: Page, typed: string, name: string) {
	const box = page.getByRole('combobox', { name: 'Kommuner', exact: true });
	await box.fill(typed);
	await expect(page.getByRole('option', { name: new RegExp(name) })).toBeVisible();
	await box.press('ArrowDown');
	await expect(box).toHaveAttribute('aria-activedescendant', /opt-0/);
	await box.press('Enter');
	await expect(page.getByRole('button', { name: `Ta bort ${name}` })).toBeVisible();
	await expect(box).toHaveValue('');
}

test('the compare page shows a total-only municipality and one on the 2016 version', async ({
	page
}) => {
	await gotoLive(page, '/jamfor');
	await choose(page, 'Tomel', 'Tomelilla');
	await choose(page, 'Mölnd', 'Mölndal');
	await choose(page, 'Karlsk', 'Karlskoga');
	await page.getByRole('button', { name: 'Jämför', exact: true }).click();

	const table = page.getByRole('table', { name: /^Jämförelse/ });
	await expect(table.getByRole('row')).toHaveCount(4);
	const tomelilla = table.getByRole('row', { name: /Tomelilla/ });
	await expect(tomelilla).toContainText('endast total');
	await expect(tomelilla).toContainText('546');
	const molndal = table.getByRole('row', { name: /Mölndal/ });
	await expect(molndal).toContainText('Kommunkompassen 2016*');
	await expect(molndal).toContainText('2016');
	// The caveat for the older version is on the page, not left to the asterisk.
	await expect(
		page.getByText(/Mölndal 2016 är utvärderad enligt Kommunkompassen 2016/)
	).toBeVisible();

	// Tomelilla has no profile: it is a bar of the totals, not a silent dash.
	const totals = page.getByRole('table', { name: 'Tabell: Total poäng, 2020 års version' });
	await expect(totals.getByRole('row', { name: /Tomelilla 2022/ })).toContainText('546');
	await expect(totals.getByRole('row', { name: /Karlskoga 2022/ })).toContainText('536');

	// The radar has Karlskoga and Mölndal (through the mapping), each with its own ± column.
	const radar = page.getByRole('table', { name: /Tabell: Jämför kommuner/ });
	const header = radar.getByRole('row').first();
	await expect(header).toContainText('Karlskoga 2022 ± Kommunsnitt');
	await expect(header).toContainText('Mölndal 2016 (Kommunkompassen 2016)* ± Kommunsnitt');
	// Only two municipalities have 2020 areas: the average is not shown, its n is.
	await expect(
		radar.getByRole('row', { name: /Samspel mellan förtroendevalda och medborgare/ })
	).toContainText('för få utvärderingar (n = 2)');

	// The version is named, and the choice survives the round trip as removable choices.
	await expect(page.getByLabel('Version', { exact: true })).toHaveValue('kommunkompassen-2020');
	await expect(page.getByLabel('Version', { exact: true }).locator('option:checked')).toHaveText(
		'Kommunkompassen 2020'
	);
	await expect(page.getByRole('button', { name: 'Ta bort Tomelilla' })).toBeVisible();
});

test('the combobox is driven by the keyboard: Escape closes, the list wraps', async ({ page }) => {
	await gotoLive(page, '/jamfor');
	const box = page.getByRole('combobox', { name: 'Kommuner', exact: true });
	await box.fill('Karl');
	await expect(box).toHaveAttribute('aria-expanded', 'true');
	await box.press('ArrowUp');
	await expect(box).toHaveAttribute('aria-activedescendant', /opt-\d+/);
	await box.press('Escape');
	await expect(box).toHaveAttribute('aria-expanded', 'false');
	await expect(page.getByRole('listbox')).toBeHidden();
});

test('Karlskoga’s page never shows an average that is Karlskoga itself', async ({ page }) => {
	await page.goto('/kommuner/1883');
	// Subareas: only Karlskoga has them on the 2020 version.
	const bars = page.getByRole('table', { name: /Tabell: Samspel mellan förtroendevalda/ });
	const row = bars.getByRole('row', { name: /1\.1 / });
	await expect(row).toContainText('för få utvärderingar (n = 1)');
	await expect(bars).not.toContainText(/\d+,\d \(n = 1\)/);
	// Areas: Karlskoga and Vallentuna – n = 2, no average, and the radar does not draw one.
	const radarTable = page.getByRole('table', { name: /Tabell: Profil 2022 mot Kommunsnitt/ });
	await expect(radarTable).toContainText('för få utvärderingar (n = 2)');
	await expect(page.getByRole('list', { name: 'Förklaring' })).not.toContainText('Kommunsnitt');
	await expect(page.locator('#average-caption')).toContainText('Kommunens egen utvärdering ingår');
});

test('the municipality list names versions, counts in Swedish and reaches every municipality', async ({
	page
}) => {
	await page.goto('/kommuner?q=Karlskoga');
	await expect(page.getByRole('status')).toHaveText('1 kommun');
	await expect(page.getByRole('row', { name: /Karlskoga/ })).toContainText('Kommunkompassen 2020');
	await expect(page.locator('body')).not.toContainText('kommunkompassen-2020');

	await page.goto('/kommuner?q=Arjeplog');
	await expect(page.getByRole('row', { name: /Arjeplog/ })).toContainText(
		'ingen publicerad utvärdering'
	);
	await page.getByRole('link', { name: 'Arjeplog' }).click();
	await expect(page.getByText('Kommunen har ingen publicerad utvärdering.')).toBeVisible();

	await page.goto('/kommuner?alla=1');
	await expect(page.getByRole('status')).toHaveText('290 kommuner');
});

for (const width of [390, 1366]) {
	test(`radar labels are at least 12 px and the page does not scroll sideways at ${width} px`, async ({
		page
	}) => {
		await page.setViewportSize({ width, height: 900 });
		await gotoLive(page, '/jamfor?kommun=1883&kommun=0115&kommun=1481');
		const sizes = await page.locator('#compare-radar-title').evaluate((title) => {
			const svg = title.closest('svg') as SVGSVGElement;
			const scale = svg.getScreenCTM()!.a;
			return [...svg.querySelectorAll('text')].map(
				(t) => Number(t.getAttribute('font-size')) * scale
			);
		});
		expect(sizes.length).toBeGreaterThan(8);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
		const overflow = () =>
			page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
		expect(await overflow()).toBeLessThanOrEqual(0);
		await gotoLive(page, '/kommuner/1883');
		expect(await overflow()).toBeLessThanOrEqual(0);
	});
}
