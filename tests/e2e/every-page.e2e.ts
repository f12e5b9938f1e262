/**
 * Every page of the app (pages.ts), as the role that uses it, in Swedish and in English, at a
 * phone's width (390 px) and a laptop's (1366 px). One load of each page serves every check:
 * - width: the page never scrolls sideways (wide tables scroll in their own box), and a
 *   screenshot is kept under test-results/screens/<name>-<width>-<locale>.png to look at;
 * - axe (WCAG 2.1 A and AA): no serious or critical violations, in Swedish (English has the same
 *   markup; the language check reads its words). At 1366 px on every page; at 390 px on the first
 *   page of each role (the header's phone menu, which differs by role) and on every page whose
 *   layout differs there: a table scrolling in its own box, or a chart that re-measures its box;
 * - language: at 1366 px, an English page shows no Swedish interface words and a Swedish page no
 *   English ones (language.ts). Last, as it reads the page by taking authored text out of it.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { origin, state } from './helpers';
import { englishWords, foundWords, interfaceText, swedishWords } from './language';
import { appPages, prepareContext, waitForHydration, widths } from './pages';

async function seriousViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')}`
		);
}

/** Whether the phone layout differs from the laptop's beyond the header: see the file's comment. */
function phoneLayoutDiffers(page: Page): Promise<boolean> {
	return page.evaluate(
		() => document.querySelector('main .table-scroll.overflows, main svg[role="img"]') !== null
	);
}

for (const group of appPages(state())) {
	const who = group.account ? `${group.role} (${group.account.email})` : group.role;
	test(`every page: no sideways scroll, no axe violations, one language, as ${who}`, async ({
		page
	}) => {
		test.setTimeout(60_000 + group.pages.length * 30_000);
		const overflowing: string[] = [];
		const violations: string[] = [];
		const mixed: string[] = [];
		for (const locale of ['sv', 'en'] as const) {
			await prepareContext(page, origin, group.account, locale);
			for (const width of widths) {
				await page.setViewportSize({ width, height: 900 });
				for (const [i, { name, path }] of group.pages.entries()) {
					const response = await page.goto(path);
					expect([path, response?.status()]).toEqual([path, 200]);
					await waitForHydration(page);
					const at = `${path} ${width} ${locale}`;
					const { scrollWidth, innerWidth } = await page.evaluate(() => ({
						scrollWidth: document.documentElement.scrollWidth,
						innerWidth: window.innerWidth
					}));
					if (scrollWidth > innerWidth) overflowing.push(`${at}: ${scrollWidth} > ${innerWidth}`);
					await page.screenshot({
						path: `test-results/screens/${name}-${width}-${locale}.png`,
						fullPage: true
					});
					const phone = width < 1000;
					if (locale === 'sv' && (!phone || i === 0 || (await phoneLayoutDiffers(page))))
						for (const v of await seriousViolations(page)) violations.push(`${at}: ${v}`);
					if (!phone) {
						const words = foundWords(
							await interfaceText(page, locale),
							locale === 'en' ? swedishWords : englishWords
						);
						if (words.length) mixed.push(`${at}: ${words.join(', ')}`);
					}
				}
			}
		}
		expect({ overflowing, violations, mixed }).toEqual({
			overflowing: [],
			violations: [],
			mixed: []
		});
	});
}
