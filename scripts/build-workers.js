// Bundles the worker threads' entry (src/lib/server/workers/tasks.ts) into build/workers/tasks.js
// after `vite build`: Kit's server build has no entry for a worker, and the built app runs
// without tsx. Packages stay external (they are installed beside the build, as for the server).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
	absWorkingDir: root,
	entryPoints: ['src/lib/server/workers/tasks.ts'],
	outfile: 'build/workers/tasks.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	alias: { $lib: './src/lib' },
	sourcemap: true,
	logLevel: 'warning'
});
