// `--import ./scripts/svelte-register.js` after tsx's own `--import`: lets a Node process outside
// Vite import `.svelte` files (compiled as in svelte-server.js), with tsx resolving `$lib/…` in
// them. Both module systems: tsx loads ES modules through hooks in the main thread, but in a
// worker thread on Node 20 it installs only its require() hook, and piscina loads the task file
// with require() first, so the PDF worker meets the component through require(). There the
// component is compiled in a child process (svelte-compile.js): worker threads run under a heap
// limit (WORKER_MEMORY_MB), which Svelte's compiler alone would use up.
import { execFileSync } from 'node:child_process';
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register('./svelte-server.js', import.meta.url);

const compiler = fileURLToPath(new URL('./svelte-compile.js', import.meta.url));
/** @type {Record<string, (module: any, filename: string) => void>} */
const extensions = /** @type {any} */ (Module)._extensions;
extensions['.svelte'] = (module, filename) => {
	const code = execFileSync(process.execPath, [compiler, filename], { encoding: 'utf8' });
	module._compile(code, filename);
};
