// Compiles src/lib/i18n/messages/{sv,en}.json into src/lib/paraglide for the tools that run without Vite
// (svelte-check, eslint, `npm run kompass`). Vite (dev, build, Vitest) compiles through its plugin.
// With --if-stale it does nothing when the output is newer than every message file.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.js';

const output = `${paraglideOptions.outdir}/messages.js`;
const sources = [
	'./project.inlang/settings.json',
	...readdirSync('./src/lib/i18n/messages').map((f) => `./src/lib/i18n/messages/${f}`)
];
const stale =
	!existsSync(output) || sources.some((f) => statSync(f).mtimeMs > statSync(output).mtimeMs);

if (stale || !process.argv.includes('--if-stale')) await compile(paraglideOptions);
// The inlang SDK leaves handles open for half a minute after compiling.
process.exit(0);
