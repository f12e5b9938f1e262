// `node scripts/svelte-compile.js FILE.svelte`: prints the component compiled for the server as a
// CommonJS module. svelte-register.js runs it in a child process so that a worker thread, which
// runs under a heap limit, never holds Svelte's compiler or esbuild.
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { compile } from 'svelte/compiler';
import { serverOptions } from './svelte-server.js';

const filename = process.argv[2];
const esm = compile(readFileSync(filename, 'utf8'), serverOptions(filename)).js.code;
process.stdout.write(
	transformSync(esm, { format: 'cjs', loader: 'js', sourcefile: filename }).code
);
