/**
 * The outbox job: sends the mail that actions wrote to the outbox. Each mail is claimed
 * atomically (repositories/outbox.ts), so any number of app servers can run this loop and each
 * mail goes out once; a failure releases the claim and the mail is tried again later with a
 * growing delay (1 min, 2, 4 … up to 6 hours). Without SMTP_URL the loop does not run and the mail
 * waits in the outbox, where the coordinator's Utkorg shows it.
 */
import nodemailer from 'nodemailer';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Database } from '../db';
import { claimMail, markMailFailed, markMailSent } from '../mail/outbox';
import { mailConfig, type MailConfig } from '../mail/config';
import { log } from '../platform/log';

/** What the job needs of a transport: nodemailer's sendMail. */
export interface MailTransport {
	sendMail(mail: {
		from: string;
		to: string;
		subject: string;
		text: string;
		html: string;
	}): Promise<unknown>;
	close?(): void;
}

/** This process, as it signs its claims. */
const claimant = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** The delay before the next try after `attempts` failed ones. */
export function retryDelayMs(attempts: number): number {
	return Math.min(6 * 60 * 60 * 1000, 60 * 1000 * 2 ** Math.max(0, attempts - 1));
}

/** A nodemailer transport for SMTP_URL: smtp:// upgrades with STARTTLS when offered, smtps:// is TLS. */
export function createMailTransport(config: MailConfig): MailTransport {
	return nodemailer.createTransport(config.smtpUrl);
}

export interface SendOptions {
	from: string;
	/** Who claims (tests run two "servers" in one process). */
	by?: string;
	retryDelay?: (attempts: number) => number;
	/** Stop after this many mails (the loop returns to let others have the database). */
	max?: number;
}

/**
 * Sends the mail that is due, one at a time, until none is left or one fails; returns how many
 * went out and failed.
 */
export async function sendPendingMail(
	db: Database,
	transport: MailTransport,
	options: SendOptions
): Promise<{ sent: number; failed: number }> {
	const by = options.by ?? claimant;
	const delay = options.retryDelay ?? retryDelayMs;
	let sent = 0;
	let failed = 0;
	while (!stopping && sent + failed < (options.max ?? 500)) {
		const mail = await claimMail(db, by);
		if (!mail) break;
		try {
			await transport.sendMail({
				from: options.from,
				to: mail.recipient,
				subject: mail.subject,
				text: mail.text,
				html: mail.html
			});
			await markMailSent(db, mail.id, by);
			sent++;
		} catch (e) {
			const message = String((e as Error)?.message ?? e).split('\n')[0];
			await markMailFailed(db, mail.id, by, message, delay(mail.attempts));
			log.warn(
				{ mailId: mail.id, attempts: mail.attempts, err: message },
				'mail not sent; retried later'
			);
			failed++;
			// The mail server is probably down: the rest waits for the next poll rather than each
			// mail failing in turn now.
			break;
		}
	}
	return { sent, failed };
}

let stopping = false;
let running: Promise<unknown> | null = null;
let timer: NodeJS.Timeout | undefined;
let active: { db: Database; transport: MailTransport; config: MailConfig } | null = null;

/** Runs the loop now (after an action queued mail), unless it is running or mail is off. */
export function wakeOutbox(): void {
	if (!active || running || stopping) return;
	const { db, transport, config } = active;
	running = sendPendingMail(db, transport, { from: config.from })
		.catch((e) => log.error({ err: e }, 'outbox stopped by an error; retried at the next poll'))
		.finally(() => {
			running = null;
		});
}

/**
 * Starts polling the outbox (OUTBOX_POLL_S, default 15 s) when SMTP_URL is set: picks up mail
 * queued by other app servers, retries, and mail left by a restart.
 */
export function startOutbox(db: Database): boolean {
	const config = mailConfig();
	if (!config || timer) return false;
	stopping = false;
	active = { db, transport: createMailTransport(config), config };
	wakeOutbox();
	timer = setInterval(wakeOutbox, (Number(process.env.OUTBOX_POLL_S) || 15) * 1000);
	timer.unref();
	log.info('outbox: sending mail through SMTP_URL');
	return true;
}

/** Shutdown: no new claims; waits for the mail being sent now. */
export async function stopOutbox(): Promise<void> {
	stopping = true;
	clearInterval(timer);
	timer = undefined;
	await running;
	active?.transport.close?.();
	active = null;
}
