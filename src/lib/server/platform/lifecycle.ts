/**
 * Start and stop of the app server. adapter-node stops accepting connections on SIGTERM/SIGINT
 * and emits `sveltekit:shutdown` once the sockets are closed, but a request whose client went
 * away is still running then: closing the database at that moment failed such requests with
 * "driver has already been destroyed". So requests are counted here, and shutdown waits for the
 * count to reach zero before it stops the extraction queue, the worker threads and the database
 * (which releases PGlite's lock for the next start).
 */
import { log } from './log';
import { announceStopping } from '../db';

/** Seconds each stage of a stop may take (adapter-node's and this file's): SHUTDOWN_TIMEOUT. */
const shutdownTimeoutMs = () => (Number(process.env.SHUTDOWN_TIMEOUT) || 30) * 1000;

let draining = false;

/**
 * While draining, every answer says `Connection: close`: a keep-alive client would otherwise
 * send its next request on the same connection, which keeps the server open (adapter-node closes
 * only idle connections) until the shutdown timeout. Closed, the client reconnects elsewhere.
 */
export function closeWhileDraining(response: Response): Response {
	if (!draining) return response;
	try {
		response.headers.set('connection', 'close');
		return response;
	} catch {
		// Immutable headers (a fetched response passed through): a copy that can say it.
		const headers = new Headers(response.headers);
		headers.set('connection', 'close');
		return new Response(response.body, {
			status: response.status,
			statusText: response.statusText,
			headers
		});
	}
}

/**
 * On SIGTERM/SIGINT (adapter-node closes the listener and the idle keep-alive connections at the
 * same moment): answer `Connection: close` from now on, and mark the data directory's lock so a
 * start meanwhile says the previous server is still stopping and for how long at most (the
 * HTTP drain and the request drain, each up to SHUTDOWN_TIMEOUT, and closing the database).
 */
function beginDrain() {
	if (draining) return;
	draining = true;
	announceStopping(new Date(Date.now() + 2 * shutdownTimeoutMs() + 10_000));
}

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
	for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, beginDrain);
	process.once('sveltekit:shutdown' as 'exit', async (reason: unknown) => {
		if (shuttingDown) return;
		shuttingDown = true;
		draining = true;
		const timeoutMs = shutdownTimeoutMs();
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
