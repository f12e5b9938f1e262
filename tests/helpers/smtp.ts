/**
 * A real SMTP server in the test process (smtp-server) whose received mail is parsed with
 * mailparser: the app's mail goes through nodemailer and the SMTP protocol, nothing is mocked.
 * It can be stopped and started again on the same port, to play a mail server that is down.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createTestDatabase, type TestDatabase } from './db';
import {
	createMailTransport,
	sendPendingMail,
	type MailTransport
} from '../../src/lib/server/jobs/outbox';

export interface TestSmtp {
	port: number;
	url: string;
	received: ParsedMail[];
	stop(): Promise<void>;
	start(): Promise<void>;
}

function listen(received: ParsedMail[], port: number): Promise<SMTPServer> {
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, _session, callback) {
			simpleParser(stream)
				.then((mail) => {
					received.push(mail);
					callback();
				})
				.catch(callback);
		}
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}

export async function startTestSmtp(): Promise<TestSmtp> {
	const received: ParsedMail[] = [];
	let server: SMTPServer | null = await listen(received, 0);
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		url: `smtp://127.0.0.1:${port}`,
		received,
		stop: async () => {
			const s = server;
			server = null;
			if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
		},
		start: async () => {
			server ??= await listen(received, port);
		}
	};
}

/** The first link in a mail's text part that points at `path`. */
export function linkIn(mail: ParsedMail, path: string): string {
	const match = new RegExp(`https?://\\S*${path.replace(/\//g, '\\/')}\\S*`).exec(mail.text ?? '');
	if (!match) throw new Error(`no link to ${path} in: ${mail.text}`);
	return match[0];
}

/** The address a received mail was sent to. */
export function recipientOf(mail: ParsedMail): string {
	const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
	return to?.text ?? '';
}

/** The mails received for one address, in the order they came. */
export function mailsTo(received: ParsedMail[], address: string): ParsedMail[] {
	return received.filter((m) => recipientOf(m) === address);
}

/**
 * The mail tests' shared set-up: a test database, the SMTP server and the app's transport to it,
 * opened before the file's tests and closed after; before each test the outbox is sent and the
 * received list emptied, so each test sees only its own mail. Read the fields inside tests.
 */
export function useMailTestbed(options: { from: string; origin?: string }) {
	const bed = {} as {
		t: TestDatabase;
		smtp: TestSmtp;
		transport: MailTransport;
		/** Sends what the outbox holds now, as the app's sender does. */
		send: () => ReturnType<typeof sendPendingMail>;
	};
	beforeAll(async () => {
		bed.t = await createTestDatabase();
		bed.smtp = await startTestSmtp();
		bed.transport = createMailTransport({ smtpUrl: bed.smtp.url, from: options.from });
		bed.send = () => sendPendingMail(bed.t.db, bed.transport, { from: options.from });
	});
	afterAll(async () => {
		bed.transport?.close?.();
		await bed.smtp?.stop();
		await bed.t?.close();
	});
	beforeEach(async () => {
		await bed.send();
		bed.smtp.received.length = 0;
	});
	return bed;
}
