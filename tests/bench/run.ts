/**
 * `npm run bench`: runs every tests/bench/*.bench.ts (each exports `run(): Promise<string[]>`)
 * and prints its report lines. Benchmarks measure; they never fail the test suite.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = join(process.cwd(), 'tests/bench');
const only = process.argv[2];
const files = readdirSync(dir)
	.filter((f) => f.endsWith('.bench.ts'))
	.filter((f) => !only || f.includes(only))
	.sort();

for (const file of files) {
	console.log(`\n== ${file}`);
	const started = performance.now();
	const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
		run: () => Promise<string[]>;
	};
	for (const line of await mod.run()) console.log(line);
	console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
