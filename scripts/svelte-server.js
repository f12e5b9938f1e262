// How code outside Vite (the worker threads that render the PDF report) compiles a Svelte
// component: for the server, to be rendered with `render()` from svelte/server. Used two ways:
//  - through scripts/svelte-register.js where the worker runs the sources with tsx (development,
//    tests, the CLI);
//  - by scripts/build-workers.js, which bundles the worker for the built app.
// Svelte strips the components' TypeScript itself; the components' imports ($lib/…) are resolved
// by tsx or esbuild as for any other module. The compiler is loaded at the first component only:
// a worker thread that never renders one (text extraction) does not carry it in its heap.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** Svelte's compile options for a component rendered on the server. */
export const serverOptions = (filename) => ({ filename, generate: 'server', css: 'external' });

/** The server build of a component, as ESM JavaScript. */
export async function compileForServer(source, filename) {
	const { compile } = await import('svelte/compiler');
	return compile(source, serverOptions(filename)).js.code;
}

/** Node's ESM `load` hook: `.svelte` files are compiled, every other module goes on down the chain. */
export async function load(url, context, nextLoad) {
	if (!url.endsWith('.svelte')) return nextLoad(url, context);
	const filename = fileURLToPath(url);
	const source = await compileForServer(await readFile(filename, 'utf8'), filename);
	return { format: 'module', source, shortCircuit: true };
}
