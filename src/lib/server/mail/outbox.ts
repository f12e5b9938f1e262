/**
 * The outbox: mail is written here in the transaction of what caused it (a rolled-back action
 * leaves no row) and sent afterwards by the outbox job (server/jobs/outbox.ts). Claims are atomic
 * across app servers, as for the document queue: `FOR UPDATE SKIP LOCKED` lets two servers
 * claiming at once take different rows, so each mail is sent by one of them.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db';
import type { DB } from '../db/types';
import type { RenderedMail } from '../mail/render';

export type MailKind =
	'invitation' | 'reset' | 'fact-check' | 'stage' | 'overdue' | 'self-assessment';

/** Writes one mail to the outbox; call it with the transaction of what caused the mail. */
export async function enqueueMail(
	trx: Transaction<DB> | Database,
	mail: { kind: MailKind; to: string; userId: number | null; rendered: RenderedMail }
): Promise<number> {
	const row = await trx
		.insertInto('outbox')
		.values({
			kind: mail.kind,
			recipient: mail.to,
			user_id: mail.userId,
			subject: mail.rendered.subject,
			text_body: mail.rendered.text,
			html_body: mail.rendered.html,
			link: mail.rendered.link
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface ClaimedMail {
	id: number;
	recipient: string;
	subject: string;
	text: string;
	html: string;
	attempts: number;
}

/**
 * Claims the next mail that is due for `by`. A claim older than `timeoutSeconds` counts as
 * abandoned (its server died mid-send) and is offered again.
 */
export async function claimMail(
	db: Database,
	by: string,
	timeoutSeconds = 300
): Promise<ClaimedMail | undefined> {
	const result = await sql<ClaimedMail>`
		UPDATE outbox
		SET claimed_by = ${by}, claimed_at = now(), attempts = attempts + 1
		WHERE id = (
			SELECT id FROM outbox
			WHERE sent_at IS NULL
				AND next_attempt_at <= now()
				AND (claimed_at IS NULL OR claimed_at < now() - make_interval(secs => ${timeoutSeconds}))
			ORDER BY next_attempt_at, id
			LIMIT 1
			FOR UPDATE SKIP LOCKED
		)
		RETURNING id, recipient, subject, text_body AS text, html_body AS html, attempts`.execute(db);
	return result.rows[0];
}

/** The mail went out: marked sent, only while the claim is still ours. */
export async function markMailSent(db: Database, id: number, by: string): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ sent_at: new Date(), claimed_by: null, claimed_at: null, last_error: null })
		.where('id', '=', id)
		.where('claimed_by', '=', by)
		.execute();
}

/** Sending failed: the claim is released and the mail waits `retryInMs` before the next try. */
export async function markMailFailed(
	db: Database,
	id: number,
	by: string,
	error: string,
	retryInMs: number
): Promise<void> {
	await db
		.updateTable('outbox')
		.set({
			claimed_by: null,
			claimed_at: null,
			last_error: error.slice(0, 500),
			next_attempt_at: new Date(Date.now() + retryInMs)
		})
		.where('id', '=', id)
		.where('claimed_by', '=', by)
		.execute();
}

export interface OutboxRow {
	id: number;
	kind: string;
	recipient: string;
	subject: string;
	link: string | null;
	createdAt: Date;
	sentAt: Date | null;
	attempts: number;
	lastError: string | null;
}

/** The newest mail first, for the coordinator's Utkorg. */
export async function listOutbox(db: Database, limit = 200): Promise<OutboxRow[]> {
	return db
		.selectFrom('outbox')
		.select([
			'id',
			'kind',
			'recipient',
			'subject',
			'link',
			'created_at as createdAt',
			'sent_at as sentAt',
			'attempts',
			'last_error as lastError'
		])
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
}

/** One mail's HTML part, for the Utkorg's view of it. */
export async function findOutboxHtml(db: Database, id: number): Promise<string | undefined> {
	const row = await db
		.selectFrom('outbox')
		.select('html_body')
		.where('id', '=', id)
		.executeTakeFirst();
	return row?.html_body;
}

/** How many mails have waited unsent for longer than `olderThanMinutes` (for /healthz). */
export async function countStaleUnsentMail(
	db: Database,
	olderThanMinutes: number
): Promise<number> {
	const row = await db
		.selectFrom('outbox')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('sent_at', 'is', null)
		.where('created_at', '<', new Date(Date.now() - olderThanMinutes * 60_000))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
