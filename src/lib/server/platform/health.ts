/**
 * What /healthz answers: whether this app server can do its work right now. The database must
 * answer a query, and a worker thread (text extraction, reports) must answer a message; each
 * within a few seconds, so a load balancer's probe never hangs.
 */
import type { Database } from '../db';
import { pingDatabase } from './database-health';
import { checkWorkers } from '../workers/pool';
import { countStaleUnsentMail } from '../mail/outbox';
import { mailConfig } from '../mail/config';

export interface Health {
	ok: boolean;
	checks: { database: string; worker: string };
	/** Worth a look but no reason to take the server out of rotation (a mail backlog). */
	warnings: string[];
}

/** Mail unsent for this long means the mail server is down or SMTP_URL is wrong. */
const staleMailMinutes = 30;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Short reasons, safe to show anyone: no connection strings, no stack traces. */
function reason(e: unknown): string {
	const err = e as NodeJS.ErrnoException;
	return (
		(err?.code ? `${err.code}: ` : '') +
		String(err?.message ?? e)
			.split('\n')[0]
			.slice(0, 200)
	);
}

export async function checkHealth(db: Database, timeoutMs = 3000): Promise<Health> {
	const [database, worker] = await Promise.allSettled([
		withTimeout(pingDatabase(db), timeoutMs, 'the database'),
		checkWorkers(timeoutMs)
	]);
	const checks = {
		database: database.status === 'fulfilled' ? 'ok' : `unavailable (${reason(database.reason)})`,
		worker: worker.status === 'fulfilled' ? 'ok' : `unavailable (${reason(worker.reason)})`
	};
	const warnings: string[] = [];
	// Only when mail is meant to be sent: without SMTP_URL the outbox is the Utkorg, not a backlog.
	if (database.status === 'fulfilled' && mailConfig()) {
		const stale = await withTimeout(
			countStaleUnsentMail(db, staleMailMinutes),
			timeoutMs,
			'the outbox'
		).catch(() => 0);
		if (stale > 0)
			warnings.push(`outbox: ${stale} mail unsent for more than ${staleMailMinutes} minutes`);
	}
	return {
		ok: database.status === 'fulfilled' && worker.status === 'fulfilled',
		checks,
		warnings
	};
}
