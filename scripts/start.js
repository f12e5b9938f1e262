// `npm start`: build once if there is no build, then serve it (PORT, default 3000).
// package.json runs this with `exec`, so npm's shell does not stay between npm and this process:
// npm forwards SIGTERM/SIGINT here, this forwards them to the server and exits when it exits.
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';

const haveBuild = existsSync('build/index.js') && existsSync('build/workers/tasks.js');
if (!haveBuild || process.env.REBUILD === 'true') {
	// The build's few hundred lines are kept back unless it fails (or BUILD_LOG=true), so that
	// what the first start says afterwards (the one-time password, framed, last) is not buried.
	console.log('Building the app (first start, about a minute)…');
	const started = Date.now();
	const verbose = process.env.BUILD_LOG === 'true';
	const built = spawnSync('npm', ['run', 'build'], {
		stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		maxBuffer: 64 * 1024 * 1024
	});
	if (built.status !== 0) {
		if (!verbose) {
			process.stdout.write(built.stdout ?? '');
			process.stderr.write(built.stderr ?? '');
		}
		console.error('The build failed (its output is above).');
		process.exit(built.status ?? 1);
	}
	console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
const port = process.env.PORT ?? '3000';
console.log(`Starting Kommunkompassen on http://localhost:${port}`);
const server = spawn(process.execPath, ['build/index.js'], {
	stdio: 'inherit',
	// Kit's CSRF check compares form posts with ORIGIN; without it adapter-node assumes https.
	env: {
		...process.env,
		PORT: port,
		ORIGIN: process.env.ORIGIN ?? `http://localhost:${port}`,
		// Governing documents of up to MAX_UPLOAD_MB (default 50) must get through adapter-node.
		BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '60M'
	}
});
// The server drains its requests, closes the database (releasing PGlite's lock) and exits; only
// then does this process exit, so whoever stopped `npm start` may start it again at once.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) =>
	process.exit(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 0))
);
