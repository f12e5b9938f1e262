/**
 * What a phone downloads for its first view of /kommuner/1883 (issue 32, item 2): Debian's
 * chromium at 390 px with an empty cache, every response's bytes on the wire (headers and body
 * as transferred, from the DevTools protocol), by kind — HTML, JS, CSS, fonts, the rest.
 * BENCH_BUILD=<dir> measures another build (an earlier one, for before/after).
 */
import { chromium } from '@playwright/test';
import { benchDatabase, startServer } from './support';

export async function run(): Promise<string[]> {
	const db = await benchDatabase();
	const port = 4473;
	const server = await startServer(db, port).catch(async (e) => {
		await db.drop();
		throw e;
	});
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	try {
		const lines = [`build: ${process.env.BENCH_BUILD ?? 'build'}; database ${db.label}`];
		for (const path of ['/kommuner/1883', '/kommuner/1883/2022/rapport']) {
			const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
			const kinds = new Map<string, string>();
			const bytes = new Map<string, number>();
			cdp.on('Network.responseReceived', (e) => kinds.set(e.requestId, e.type));
			cdp.on('Network.loadingFinished', (e) => {
				const kind = kinds.get(e.requestId) ?? 'Other';
				bytes.set(kind, (bytes.get(kind) ?? 0) + e.encodedDataLength);
			});
			await page.goto(`http://localhost:${port}${path}`, { waitUntil: 'networkidle' });
			const total = [...bytes.values()].reduce((a, b) => a + b, 0);
			const parts = [...bytes.entries()]
				.sort((a, b) => b[1] - a[1])
				.map(([kind, n]) => `${kind} ${(n / 1024).toFixed(1)} kB`);
			lines.push(`${path} at 390 px: ${(total / 1024).toFixed(1)} kB in all (${parts.join(', ')})`);
			await context.close();
		}
		return lines;
	} finally {
		await browser.close();
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		await db.drop();
	}
}
