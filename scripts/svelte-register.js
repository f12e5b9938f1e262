// `--import ./scripts/svelte-register.js` after tsx's own `--import`: lets a Node process outside
// Vite import `.svelte` files (compiled by svelte-server.js), with tsx resolving `$lib/…` in them.
// Both module systems: tsx loads ES modules through hooks in the main thread, but in a worker
// thread on Node 20 it only installs its require() hook, and piscina loads the task file with
// require() first, so the PDF worker meets the component through require().
import { readFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { transformSync } from 'esbuild';
import { compileForServer } from './svelte-server.js';

register('./svelte-server.js', import.meta.url);

/** @type {Record<string, (module: any, filename: string) => void>} */
const extensions = /** @type {any} */ (Module)._extensions;
extensions['.svelte'] = (module, filename) => {
	const esm = compileForServer(readFileSync(filename, 'utf8'), filename);
	const { code } = transformSync(esm, { format: 'cjs', loader: 'js', sourcefile: filename });
	module._compile(code, filename);
};
