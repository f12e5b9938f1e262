// Bundles the worker threads' entry (src/lib/server/workers/tasks.ts) into build/workers/tasks.js
// after `vite build`: Kit's server build has no entry for a worker, and the built app runs
// without tsx. The app's dependencies stay external (they are installed beside the build, as for
// the server); the rest is bundled, among it Svelte's server runtime for the PDF's radar, which
// is the web's RadarChart component compiled for the server (scripts/svelte-server.js).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileForServer } from './svelte-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { dependencies } = JSON.parse(await readFile(new URL('../package.json', import.meta.url)));

/** @type {import('esbuild').Plugin} */
const svelte = {
	name: 'svelte-server',
	setup(build) {
		build.onLoad({ filter: /\.svelte$/ }, async ({ path }) => ({
			contents: await compileForServer(await readFile(path, 'utf8'), path),
			loader: 'js',
			resolveDir: dirname(path)
		}));
	}
};
await build({
	absWorkingDir: root,
	entryPoints: ['src/lib/server/workers/tasks.ts'],
	outfile: 'build/workers/tasks.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	external: Object.keys(dependencies).flatMap((name) => [name, `${name}/*`]),
	plugins: [svelte],
	alias: { $lib: './src/lib' },
	sourcemap: true,
	logLevel: 'warning'
});
