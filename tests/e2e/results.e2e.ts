import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test('compare three municipalities and read the table', async ({ page }) => {
	await page.goto('/jamfor');
	await expect(page.getByText('Välj minst en kommun')).toBeVisible();
	await page
		.getByRole('combobox', { name: 'Kommuner', exact: true })
		.fill('Karlskoga, Vallentuna, 1270');
	await page.getByRole('button', { name: 'Jämför' }).click();
	const table = page.getByRole('table', { name: /Jämförelse/ });
	const rows = table.getByRole('row');
	await expect(rows).toHaveCount(4);
	await expect(rows.nth(1)).toContainText('Vallentuna');
	await expect(rows.nth(1)).toContainText('648');
	await expect(rows.nth(2)).toContainText('Tomelilla');
	await expect(rows.nth(3)).toContainText('Karlskoga');
	await expect(rows.nth(3)).toContainText('536');
	// Sorting by name puts Karlskoga first.
	await table.getByRole('button', { name: 'Kommun' }).click();
	await expect(rows.nth(1)).toContainText('Karlskoga');
	await expect(table.getByRole('columnheader', { name: 'Kommun', exact: true })).toHaveAttribute(
		'aria-sort',
		'ascending'
	);
});

test('the municipality page shows Karlskoga against the kommunsnitt and the Sverigesnitt', async ({
	page
}) => {
	await page.goto('/kommuner/1883');
	await expect(page.getByRole('heading', { name: 'Profil per område 2022' })).toBeVisible();
	await expect(
		page.getByRole('table', { name: /Tabell: Profil 2022 mot Kommunsnitt/ })
	).toBeVisible();
	await page.getByLabel('Jämför med').selectOption({ label: 'Sverigesnitt (SKR) april 2021' });
	await page.getByRole('button', { name: 'Visa' }).click();
	const table = page.getByRole('table', { name: /Sverigesnitt/ });
	await expect(
		table.getByRole('row', { name: /Samspel mellan förtroendevalda och medborgare/ })
	).toContainText('+11');
});

for (const path of ['/kommuner/1883', '/jamfor?kommuner=Karlskoga%2C+Vallentuna', '/']) {
	test(`no accessibility violations (axe, WCAG 2.1 AA) on ${path}`, async ({ page }) => {
		await page.goto(path);
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect(
			results.violations.map(
				(v) =>
					`${v.id}: ${v.nodes
						.map((n) => n.target.join(' '))
						.slice(0, 3)
						.join(', ')}`
			)
		).toEqual([]);
	});
}
