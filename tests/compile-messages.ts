import { execFileSync } from 'node:child_process';

/** Vitest's globalSetup: the compiled messages (src/lib/paraglide), fresh. */
export default function compileMessages() {
	execFileSync(process.execPath, ['scripts/i18n/compile.js', '--if-stale'], { stdio: 'inherit' });
}
