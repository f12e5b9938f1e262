// How code outside Vite (the worker threads that render the PDF report) compiles a Svelte
// component: for the server, to be rendered with `render()` from svelte/server. Used two ways:
//  - through scripts/svelte-register.js where the worker runs the sources with tsx (development,
//    tests, the CLI);
//  - by scripts/build-workers.js, which bundles the worker for the built app.
// Svelte strips the components' TypeScript itself; the components' imports ($lib/…) are resolved
// by tsx or esbuild as for any other module.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile } from 'svelte/compiler';

/** The server build of a component, as ESM JavaScript. */
export function compileForServer(source, filename) {
	return compile(source, { filename, generate: 'server', css: 'external' }).js.code;
}

/** Node's ESM `load` hook: `.svelte` files are compiled, every other module goes on down the chain. */
export async function load(url, context, nextLoad) {
	if (!url.endsWith('.svelte')) return nextLoad(url, context);
	const filename = fileURLToPath(url);
	const source = compileForServer(await readFile(filename, 'utf8'), filename);
	return { format: 'module', source, shortCircuit: true };
}
