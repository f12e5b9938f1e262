/**
 * Start and stop of the app server. adapter-node stops accepting connections on SIGTERM/SIGINT
 * and emits `sveltekit:shutdown` once the sockets are closed, but a request whose client went
 * away is still running then: closing the database at that moment failed such requests with
 * "driver has already been destroyed". So requests are counted here, and shutdown waits for the
 * count to reach zero before it stops the extraction queue, the worker threads and the database
 * (which releases PGlite's lock for the next start).
 */
import { log } from './log';

let inFlight = 0;
let drained: (() => void) | null = null;

/** Counts a request for the duration of `work`. */
export async function trackRequest<T>(work: () => Promise<T>): Promise<T> {
	inFlight++;
	try {
		return await work();
	} finally {
		inFlight--;
		if (inFlight === 0) drained?.();
	}
}

function waitForRequests(timeoutMs: number): Promise<boolean> {
	if (inFlight === 0) return Promise.resolve(true);
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(false), timeoutMs);
		drained = () => {
			clearTimeout(timer);
			resolve(true);
		};
	});
}

let shuttingDown = false;

/**
 * Runs once on `sveltekit:shutdown`: drain, then `close` (queue, workers, database), then exit.
 * Exits explicitly so no stray timer or handle keeps a stopped server alive.
 */
export function onShutdown(close: () => Promise<void>): void {
	process.once('sveltekit:shutdown' as 'exit', async (reason: unknown) => {
		if (shuttingDown) return;
		shuttingDown = true;
		const timeoutMs = (Number(process.env.SHUTDOWN_TIMEOUT) || 30) * 1000;
		log.info({ reason, inFlight }, 'shutting down: waiting for running requests');
		const clean = await waitForRequests(timeoutMs);
		if (!clean) log.warn({ inFlight }, 'requests still running at the shutdown timeout');
		let code = 0;
		try {
			await close();
			log.info('stopped');
		} catch (e) {
			log.error({ err: e }, 'error while stopping');
			code = 1;
		}
		process.exit(code);
	});
}
