/**
 * A small pool of worker threads (piscina) for text extraction and PDF reports, so a large
 * upload or an uncached report never holds up other requests. Each thread has a heap limit
 * (WORKER_MEMORY_MB, default 512): a document that needs more kills only its thread, and the
 * task fails with a clear error instead of taking the server down.
 *
 * The thread runs `tasks.ts`: from the sources through tsx (and scripts/svelte-register.js for
 * the Svelte component the PDF draws its radar with) in development and tests, and as the bundle
 * `build/workers/tasks.js` (scripts/build-workers.js) in the built app.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { DocumentType, Extraction } from '../documents/extract';
import { ExtractionError } from '../documents/extract';
import type { ReportModel } from '$lib/domain/report/model';
import type { WorkerResult, WorkerTask } from './tasks';

function workerEntry(): { filename: string; execArgv: string[] } {
	const here = fileURLToPath(import.meta.url);
	if (here.endsWith('.ts')) {
		const tsx = createRequire(import.meta.url).resolve('tsx');
		// The PDF's radar is a Svelte component: compiled on import, after tsx resolves `$lib`.
		const svelte = new URL('../../../../scripts/svelte-register.js', import.meta.url);
		return {
			filename: pathToFileURL(join(dirname(here), 'tasks.ts')).href,
			execArgv: ['--import', pathToFileURL(tsx).href, '--import', svelte.href]
		};
	}
	// Built: this code sits in a chunk somewhere under build/server; the bundle in build/workers.
	for (let dir = dirname(here); dir !== dirname(dir); dir = dirname(dir)) {
		const candidate = join(dir, 'workers', 'tasks.js');
		if (existsSync(candidate)) return { filename: pathToFileURL(candidate).href, execArgv: [] };
	}
	throw new Error('build/workers/tasks.js is missing: run `npm run build`');
}

const poolKey = Symbol.for('kommunkompassen.workers');
type GlobalWithPool = typeof globalThis & { [poolKey]?: Piscina };

/** The process's pool, created at first use (cached on globalThis for dev-server reloads). */
function pool(): Piscina {
	const g = globalThis as GlobalWithPool;
	if (!g[poolKey]) {
		const { filename, execArgv } = workerEntry();
		g[poolKey] = new Piscina({
			filename,
			execArgv,
			minThreads: 0,
			// One core stays free for the event loop: on two cores, one thread.
			maxThreads:
				Number(process.env.WORKER_THREADS) || Math.max(1, Math.min(2, availableParallelism() - 1)),
			// Idle threads end after a minute: at rest the server holds no extraction heap.
			idleTimeout: 60_000,
			resourceLimits: { maxOldGenerationSizeMb: Number(process.env.WORKER_MEMORY_MB) || 512 }
		});
	}
	return g[poolKey];
}

async function run(task: WorkerTask, signal?: AbortSignal): Promise<WorkerResult> {
	return pool().run(task, { signal });
}

/** Extracts a document's text in a worker thread; refusals come back as ExtractionError. */
export async function extractInWorker(bytes: Uint8Array, type: DocumentType): Promise<Extraction> {
	let result: WorkerResult;
	try {
		result = await run({ kind: 'extract', bytes, type });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
			throw new ExtractionError(
				'Dokumentet kräver för mycket minne för att texten ska kunna tas ut.'
			);
		}
		throw e;
	}
	if (result.kind === 'refused') throw new ExtractionError(result.message);
	if (result.kind !== 'extracted') throw new Error(`Unexpected worker answer ${result.kind}`);
	return result.extraction;
}

/** Renders a report PDF in a worker thread. */
export async function renderPdfInWorker(model: ReportModel): Promise<Uint8Array> {
	const result = await run({ kind: 'report', model });
	if (result.kind !== 'report') throw new Error(`Unexpected worker answer ${result.kind}`);
	return result.pdf;
}

/** Health: a worker answers within `timeoutMs` (a thread is started if none runs). */
export async function checkWorkers(timeoutMs = 5000): Promise<void> {
	const result = await run({ kind: 'ping' }, AbortSignal.timeout(timeoutMs));
	if (result.kind !== 'pong') throw new Error('worker gave an unexpected answer');
}

/** Ends the threads (shutdown, tests); running tasks are waited for. */
export async function closeWorkers(): Promise<void> {
	const g = globalThis as GlobalWithPool;
	const p = g[poolKey];
	delete g[poolKey];
	await p?.close();
}
