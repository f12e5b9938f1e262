/**
 * The worker threads' memory limit: a document whose extraction grows beyond WORKER_MEMORY_MB
 * ends its own thread with a clear refusal, and the pool goes on serving the next task. (A single
 * allocation far beyond the limit makes V8 abort the whole process instead, a Node limitation:
 * MAX_UPLOAD_MB is the first guard, and the default limit leaves room above it.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import { testDriver } from '../helpers/db';

// Read when the pool starts, which is at the first task of this file's process.
process.env.WORKER_MEMORY_MB = '40';
const { extractInWorker, checkWorkers, closeWorkers } =
	await import('../../src/lib/server/workers/pool');
const { ExtractionError } = await import('../../src/lib/server/documents/extract');
const { makePdf } = await import('../helpers/files');

afterAll(() => closeWorkers());

describe.runIf(testDriver() === 'pglite')('worker threads', () => {
	it('refuses a document that exceeds the memory limit, and keeps working', async () => {
		const small = await extractInWorker(new TextEncoder().encode('Mål och budget.'), 'text');
		expect(small.pages[0].text).toBe('Mål och budget.');

		// pdf.js builds up its page objects gradually: the thread reaches its 40 MB heap limit (room above what loading the task modules takes).
		const pages = Array.from(
			{ length: 900 },
			(_, i) => `Sida ${i + 1}. ${'Kommunens styrning och ledning av verksamheten. '.repeat(80)}`
		);
		const refused = await extractInWorker(await makePdf(pages), 'pdf').catch((e) => e);
		expect(refused).toBeInstanceOf(ExtractionError);
		expect(refused.message).toMatch(/för mycket minne/);

		// A new thread answers: from the sources (tsx, and the Svelte charts compiled on load) that
		// takes longer than the health check's 5 s on a busy machine, which the built bundle does not.
		await expect(checkWorkers(60_000)).resolves.toBeUndefined();
		const after = await extractInWorker(new TextEncoder().encode('Uppföljning.'), 'text');
		expect(after.status).toBe('klar');
	}, 120_000);
});
