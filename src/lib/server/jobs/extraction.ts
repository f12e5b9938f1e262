/**
 * The document extraction job: a loop per app server that claims waiting documents, extracts
 * their text in a worker thread and stores it, plus the poll that restarts it. Moved out of the
 * documents' queries (issue 26) so those only query; this file reads the environment, keeps the
 * timer and talks to the worker pool.
 */
import { hostname } from 'node:os';
import type { Database } from '../db';
import { log } from '../platform/log';
import { extractInWorker } from '../workers/pool';
import { ExtractionError, mediaTypes } from '../documents/extract';
import {
	claimDocument,
	finishClaim,
	loadDocumentBytes,
	storeExtraction,
	type Claim
} from '../documents/extraction-queue';

/**
 * Who this process is in the extraction queue's claims: host and pid, unique among app servers
 * sharing one database.
 */
export const claimant = `${hostname()}:${process.pid}`;

/**
 * After this long a claim counts as abandoned (its server crashed or was killed mid-extraction)
 * and another server may take the document again. EXTRACTION_CLAIM_TIMEOUT_S, default 10 min.
 */
function claimTimeoutSeconds(): number {
	return Number(process.env.EXTRACTION_CLAIM_TIMEOUT_S) || 600;
}

/** A document whose extraction was started this many times without finishing is given up. */
export const maxExtractionAttempts = 3;

/** Extracts a claimed document in a worker thread and stores its pages while the claim is ours. */
async function extractClaimed(db: Database, claim: Claim, by: string): Promise<void> {
	const documentId = claim.id;
	if (claim.attempts > maxExtractionAttempts) {
		await finishClaim(db, documentId, by, {
			status: 'fel',
			status_message: 'Texten kunde inte tas ut ur filen (avbröts upprepade gånger).'
		});
		return;
	}
	const doc = await loadDocumentBytes(db, documentId);
	if (!doc) return;
	const type = (Object.entries(mediaTypes).find(([, m]) => m === doc.media_type)?.[0] ??
		'text') as keyof typeof mediaTypes;
	try {
		const started = performance.now();
		const result = await extractInWorker(new Uint8Array(doc.content), type);
		const stored = await storeExtraction(db, documentId, by, result);
		const fields = {
			documentId,
			pages: result.pages.length,
			ms: Math.round(performance.now() - started)
		};
		if (stored) log.info(fields, 'document extracted');
		else log.warn(fields, 'extraction discarded: the claim was taken over by another server');
	} catch (e) {
		const message = e instanceof ExtractionError ? e.message : 'Texten kunde inte tas ut ur filen.';
		if (!(e instanceof ExtractionError)) log.error({ err: e, documentId }, 'extraction failed');
		await finishClaim(db, documentId, by, { status: 'fel', status_message: message });
	}
}

/** Extracts one document's text now (CLI, seed, tests); failures are recorded on the document. */
export async function extractStoredDocument(db: Database, documentId: number): Promise<void> {
	const claim = await claimDocument(db, {
		documentId,
		by: claimant,
		timeoutSeconds: claimTimeoutSeconds()
	});
	if (claim) await extractClaimed(db, claim, claimant);
}

let running: Promise<void> | null = null;
let stopping = false;

/**
 * Works through documents waiting for extraction, one at a time per process, in a worker thread.
 * Safe to call often and from any number of app servers: each document is claimed by one.
 */
export function processPendingDocuments(db: Database): Promise<void> {
	running ??= (async () => {
		try {
			while (!stopping) {
				const claim = await claimDocument(db, {
					by: claimant,
					timeoutSeconds: claimTimeoutSeconds()
				});
				if (!claim) break;
				await extractClaimed(db, claim, claimant);
			}
		} catch (e) {
			log.error({ err: e }, 'extraction queue stopped by an error; retried at the next poll');
		} finally {
			running = null;
		}
	})();
	return running;
}

let timer: NodeJS.Timeout | undefined;

/**
 * Polls the queue (EXTRACTION_POLL_S, default 30 s): picks up documents uploaded to another app
 * server, left by a restart, or whose claim timed out. Uploads also start it directly.
 */
export function startDocumentQueue(db: Database): void {
	if (timer) return;
	stopping = false;
	const poll = () => void processPendingDocuments(db);
	poll();
	timer = setInterval(poll, (Number(process.env.EXTRACTION_POLL_S) || 30) * 1000);
	timer.unref();
}

/** Shutdown: no new claims; waits for the document being extracted now. */
export async function stopDocumentQueue(): Promise<void> {
	stopping = true;
	clearInterval(timer);
	timer = undefined;
	await running;
}
