#!/usr/bin/env node
/**
 * A local mail catcher for trying the app's mail without a mail server: an SMTP server on
 * 127.0.0.1:2525 that keeps every message it receives as an .eml file (the message as sent) and
 * an .html file (its HTML part, to open in a browser) and prints one line per mail.
 *
 *   node scripts/mail-catcher.js [--port 2525] [--dir /tmp/kk-mail]
 *   SMTP_URL=smtp://127.0.0.1:2525 npm start
 *
 * A development tool: it accepts any sender and recipient without authentication and listens on
 * the loopback address only.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const { values: args } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.MAIL_CATCHER_PORT ?? '2525' },
		dir: { type: 'string', default: process.env.MAIL_CATCHER_DIR ?? '/tmp/kk-mail' },
		host: { type: 'string', default: '127.0.0.1' }
	}
});
const dir = resolve(args.dir);
mkdirSync(dir, { recursive: true });

const escapeHtml = (s) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

let count = 0;

/** Keeps one received message; returns the line printed for it. */
async function keep(raw) {
	const mail = await simpleParser(raw);
	count += 1;
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const base = join(dir, `${stamp}-${String(count).padStart(3, '0')}`);
	writeFileSync(`${base}.eml`, raw);
	const html =
		typeof mail.html === 'string'
			? mail.html
			: `<!doctype html><meta charset="utf-8"><pre>${escapeHtml(mail.text ?? '')}</pre>`;
	writeFileSync(`${base}.html`, html);
	const to = (Array.isArray(mail.to) ? mail.to : [mail.to])
		.filter(Boolean)
		.map((a) => a.text)
		.join(', ');
	return `${to}\t${mail.subject ?? '(no subject)'}\t${base}.html`;
}

const server = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, _session, callback) {
		const chunks = [];
		stream.on('data', (chunk) => chunks.push(chunk));
		stream.on('error', callback);
		stream.on('end', () => {
			keep(Buffer.concat(chunks))
				.then((line) => {
					console.log(line);
					callback();
				})
				.catch((e) => {
					console.error(`could not keep a mail: ${e.message}`);
					callback(e);
				});
		});
	}
});
server.on('error', (e) => console.error(`mail catcher: ${e.message}`));
server.listen(Number(args.port), args.host, () => {
	console.log(`mail catcher on smtp://${args.host}:${args.port}, keeping mail in ${dir}`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
