/**
 * Findings that read like a report: jump links to each area, strengths put in order with
 * "Flytta upp"/"Flytta ned" (focus stays on the moved item; the order holds after a reload and in
 * the draft report; without JavaScript too), and a narrative's bullet list drawn as a list.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { testAccounts } from './accounts';
import { gotoLive, signIn, state } from './helpers';

const area = (page: Page) => page.locator('section[aria-labelledby="fa-3"]');

/** The texts of area 3's strengths, in the order the page shows them. */
async function strengthOrder(section: Locator) {
	const list = section.locator('h4:has-text("Styrkor") + ul.items textarea');
	return list.evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));
}

async function addStrength(section: Locator, text: string) {
	await section.getByLabel('Ny styrka').fill(text);
	await section.getByRole('button', { name: 'Lägg till' }).first().click();
	await expect.poll(async () => (await strengthOrder(section)).at(-1)).toBe(text);
}

test('strengths are reordered, keep their order after a reload and in the draft report; a bulleted narrative is a list there', async ({
	page
}) => {
	const { calibrationDraftId: id } = state();
	await signIn(page, testAccounts.evaluator1);
	await page.setViewportSize({ width: 390, height: 800 });
	await gotoLive(page, `/utvarderingar/${id}/fynd`);

	// The jump links lead to each area, the summary and the recommendations, by keyboard too.
	const toc = page.getByRole('navigation', { name: 'Hoppa till' });
	await expect(toc.getByRole('link')).toHaveCount(10);
	await expect(toc.getByRole('link', { name: 'Rekommendationer' })).toHaveAttribute(
		'href',
		'#recommendations-h'
	);
	const jump = toc.locator('a[href="#fa-3"]');
	await jump.focus();
	await expect(jump).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#fa-3$/);
	await expect(page.locator('#fa-3')).toBeInViewport();
	// Nothing wider than a phone's screen.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await page.setViewportSize({ width: 1280, height: 900 });

	const section = area(page);
	await addStrength(section, 'E2E styrka A');
	await addStrength(section, 'E2E styrka B');
	expect((await strengthOrder(section)).slice(-2)).toEqual(['E2E styrka A', 'E2E styrka B']);

	// B moves up past A; focus stays on B's buttons (its "Flytta upp" if B could still go up).
	const before = await strengthOrder(section);
	await section.getByRole('button', { name: /^Flytta upp ?: E2E styrka B$/ }).click();
	const after = [...before];
	after.splice(before.length - 2, 2, 'E2E styrka B', 'E2E styrka A');
	await expect.poll(() => strengthOrder(section)).toEqual(after);
	const focused = page.locator(':focus');
	await expect(focused).toHaveAccessibleName(/^Flytta (upp|ned) ?: E2E styrka B$/);

	await page.reload();
	await expect.poll(() => strengthOrder(area(page))).toEqual(after);

	// A narrative with a list, saved with its button.
	const narrative = page.locator('#text-narrative-3-1');
	await expect(page.getByText("Tom rad = nytt stycke, '- ' = punktlista").first()).toBeVisible();
	await narrative.fill('Kommunen har:\n\n- en **tydlig** styrmodell\n- mål som följs upp');
	const narrativeForm = page.locator('form:has(#text-narrative-3-1)');
	await narrativeForm.getByRole('button', { name: 'Spara' }).click();
	await expect(narrativeForm.getByRole('status')).toHaveText('Sparat', { timeout: 15_000 });

	await page.getByRole('link', { name: 'Visa rapportutkastet' }).click();
	await expect(page.getByText(/^UTKAST – skapat/)).toBeVisible();
	const report = page.locator('#genomgang');
	const items = await report.locator('li').allTextContents();
	const a = items.findIndex((t) => t.includes('E2E styrka A'));
	const b = items.findIndex((t) => t.includes('E2E styrka B'));
	expect(b).toBeGreaterThanOrEqual(0);
	expect(b).toBeLessThan(a);
	const bullet = report.getByRole('listitem').filter({ hasText: 'styrmodell' });
	await expect(bullet).toHaveText('en tydlig styrmodell');
	await expect(bullet.locator('strong')).toHaveText('tydlig');
	await expect(report.getByRole('listitem').filter({ hasText: 'mål som följs upp' })).toHaveCount(
		1
	);
	await expect(report.getByText('Kommunen har:')).toHaveJSProperty('tagName', 'P');

	// Both pages pass axe (WCAG 2.1 AA) with items, move buttons and lists on them.
	for (const path of [`/utvarderingar/${id}/fynd`, `/utvarderingar/${id}/rapport`]) {
		await page.goto(path);
		const results = await new AxeBuilder({ page })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
			.analyze();
		expect([path, results.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)]).toEqual([
			path,
			[]
		]);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('"Flytta ned" posts the move and the page shows the new order', async ({ page }) => {
		const { calibrationDraftId: id } = state();
		await signIn(page, testAccounts.evaluator2);
		await page.goto(`/utvarderingar/${id}/fynd`);
		await addStrength(area(page), 'E2E utan JS 1');
		await addStrength(area(page), 'E2E utan JS 2');
		await area(page)
			.getByRole('button', { name: /^Flytta ned ?: E2E utan JS 1$/ })
			.click();
		await expect
			.poll(async () => (await strengthOrder(area(page))).slice(-2))
			.toEqual(['E2E utan JS 2', 'E2E utan JS 1']);
	});
});
