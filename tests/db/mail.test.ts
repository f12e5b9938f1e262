import { beforeAll, describe, expect, it } from 'vitest';
import { createTestEvaluation } from '../helpers/evaluations';
import type { TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { linkIn, type TestSmtp, useMailTestbed } from '../helpers/smtp';
import { systemActor } from '../../src/lib/server/accounts/audit';
import { inviteUser, resendInvitation } from '../../src/lib/server/accounts/invitations';
import { findUsableToken, redeemAccountToken } from '../../src/lib/server/accounts/account-tokens';
import { enqueueMail, listOutbox } from '../../src/lib/server/mail/outbox';
import { DuplicateEmailError, findUserForSignIn } from '../../src/lib/server/accounts/users';
import { addFactCheckComment } from '../../src/lib/server/scoring/fact-check';
import { saveNotificationChoices } from '../../src/lib/server/mail/notifications';
import { requestPasswordReset } from '../../src/lib/server/auth/password-reset';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { hashPassword, verifyPassword } from '../../src/lib/server/auth/password';
import { renderMail } from '../../src/lib/server/mail/render';
import {
	createMailTransport,
	sendPendingMail,
	type MailTransport
} from '../../src/lib/server/jobs/outbox';

const origin = 'https://kompass.example.se';
const from = 'Kommunkompassen <noreply@kompass.example.se>';

const bed = useMailTestbed({ origin, from });
let t: TestDatabase;
let smtp: TestSmtp;
let transport: MailTransport;
beforeAll(() => {
	({ t, smtp, transport } = bed);
});
const send = () => bed.send();
const tokenOf = (link: string) => link.split('/').pop() as string;
let n = 0;
const address = (who: string) => `${who}-${++n}-${Date.now()}@kommun.example.se`;

describe('invitations', () => {
	it('arrive by SMTP with a link that sets the password once, in the recipient language', async () => {
		const email = address('ny');
		await inviteUser(
			t.db,
			systemActor,
			{ email, name: 'Nina Ny', role: 'evaluator', locale: 'en' },
			{ origin, inviter: 'Sam Samordnare' }
		);
		expect(await send()).toEqual({ sent: 1, failed: 0 });
		expect(smtp.received).toHaveLength(1);
		const mail = smtp.received[0];
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(email);
		expect(mail.subject).toBe('Invitation to Kommunkompassen');
		// Multipart: a plain-text and an HTML part, both with the link; no password in either.
		const link = linkIn(mail, '/logga-in/losenord/');
		expect(link.startsWith(`${origin}/logga-in/losenord/`)).toBe(true);
		expect(mail.html).toContain(link);
		expect(mail.text).toContain('Sam Samordnare');
		expect(mail.text).not.toMatch(/one-time password|engångslösenord/i);
		const token = tokenOf(link);
		expect(token).toMatch(/^[a-z2-7]{52}$/); // 256 random bits

		expect(await findUsableToken(t.db, token)).toMatchObject({ email, purpose: 'invitation' });
		const userId = await redeemAccountToken(t.db, token, await hashPassword('mitt-eget-losenord'));
		expect(userId).toBeTypeOf('number');
		const user = await findUserForSignIn(t.db, email);
		expect(await verifyPassword(user!.passwordHash, 'mitt-eget-losenord')).toBe(true);
		expect(user!.mustChangePassword).toBe(false);

		// A second use is refused and changes nothing.
		expect(await findUsableToken(t.db, token)).toBeUndefined();
		expect(
			await redeemAccountToken(t.db, token, await hashPassword('someone-elses'))
		).toBeUndefined();
		const after = await findUserForSignIn(t.db, email);
		expect(await verifyPassword(after!.passwordHash, 'mitt-eget-losenord')).toBe(true);
	});

	it('expire after 7 days, and a newer invitation replaces the older', async () => {
		const email = address('sen');
		const { user } = await inviteUser(
			t.db,
			systemActor,
			{ email, name: 'Sven Sen', role: 'municipality', municipalityCode: '1883', locale: 'sv' },
			{ origin, inviter: 'Sam' }
		);
		await send();
		const first = tokenOf(linkIn(smtp.received[0], '/logga-in/losenord/'));
		expect(smtp.received[0].subject).toBe('Inbjudan till Kommunkompassen');

		const resent = await resendInvitation(t.db, user.id, { origin, inviter: 'Sam' });
		await send();
		const second = tokenOf(linkIn(smtp.received[1], '/logga-in/losenord/'));
		expect(resent?.link).toContain(second);
		expect(
			await redeemAccountToken(t.db, first, await hashPassword('forsta-lanken'))
		).toBeUndefined();

		const eightDays = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
		expect(await findUsableToken(t.db, second, eightDays)).toBeUndefined();
		expect(
			await redeemAccountToken(t.db, second, await hashPassword('for-sent-nu'), eightDays)
		).toBeUndefined();
		// Within the 7 days it works.
		const sixDays = new Date(Date.now() + 6 * 24 * 60 * 60 * 1000);
		expect(await redeemAccountToken(t.db, second, await hashPassword('i-tid-nu'), sixDays)).toBe(
			user.id
		);
	});
});

describe('forgot password', () => {
	it('mails only a known, active address; a reset link works for an hour and ends other sessions', async () => {
		const known = await createUser(t.db, { role: 'evaluator', email: address('kand') });
		const unknown = address('okand');
		const answers = [
			await requestPasswordReset(t.db, { email: known.email, address: '10.0.0.1', origin }),
			await requestPasswordReset(t.db, { email: unknown, address: '10.0.0.1', origin })
		];
		expect(answers).toEqual([true, false]);
		await send();
		expect(smtp.received.map((m) => (m.to && 'text' in m.to ? m.to.text : ''))).toEqual([
			known.email
		]);
		const token = tokenOf(linkIn(smtp.received[0], '/logga-in/losenord/'));

		const session = await createSession(t.db, known.id);
		const inOverAnHour = new Date(Date.now() + 61 * 60 * 1000);
		expect(await findUsableToken(t.db, token, inOverAnHour)).toBeUndefined();
		expect(await redeemAccountToken(t.db, token, await hashPassword('nytt-losenord-1'))).toBe(
			known.id
		);
		expect(await validateSessionToken(t.db, session.token)).toBeNull();
	});

	it('is limited per account and per client address', async () => {
		const known = await createUser(t.db, { role: 'evaluator', email: address('flood') });
		const results = [];
		for (let i = 0; i < 5; i++)
			results.push(
				await requestPasswordReset(t.db, { email: known.email, address: `10.0.1.${i}`, origin })
			);
		expect(results).toEqual([true, true, true, false, false]);
		const fromOne = [];
		for (let i = 0; i < 11; i++)
			fromOne.push(
				await requestPasswordReset(t.db, { email: address('probe'), address: '10.0.2.1', origin })
			);
		const other = await createUser(t.db, { role: 'evaluator', email: address('late') });
		// The eleventh request from one address this hour sends nothing, even for a real account.
		expect(
			await requestPasswordReset(t.db, { email: other.email, address: '10.0.2.1', origin })
		).toBe(false);
		expect(
			await requestPasswordReset(t.db, { email: other.email, address: '10.0.2.2', origin })
		).toBe(true);
	});
});

describe('notifications', () => {
	it('a fact-check comment mails the team members who want it, with the page and the settings', async () => {
		const evaluator = await createUser(t.db, { role: 'evaluator', name: 'Eva Utvärderare' });
		const quiet = await createUser(t.db, { role: 'evaluator', name: 'Tyst Utvärderare' });
		await saveNotificationChoices(t.db, quiet.id, {
			factCheck: false,
			stage: true,
			overdue: true,
			selfAssessment: true
		});
		const contact = await createUser(t.db, {
			role: 'municipality',
			municipalityCode: '1883',
			name: 'Kim Kontakt'
		});
		const id = await createTestEvaluation(t.db, {
			municipalityCode: '1883',
			year: 2061,
			teamUserIds: [evaluator.id, quiet.id],
			contactUserId: contact.id
		});
		await addFactCheckComment(
			t.db,
			{ id: contact.id, email: contact.email },
			id,
			{ kind: 'area', areaId: '3' },
			'Siffran för 2023 stämmer inte.',
			{ origin, area: (areaId) => `Område ${areaId}` }
		);
		await send();
		expect(smtp.received).toHaveLength(1);
		const mail = smtp.received[0];
		expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(evaluator.email);
		expect(mail.subject).toBe('Ny kommentar i faktagranskningen: Karlskoga 2061');
		expect(mail.text).toContain('Kim Kontakt');
		expect(mail.text).toContain('Siffran för 2023 stämmer inte.');
		expect(mail.text).toContain(`${origin}/utvarderingar/${id}/faktagranskning`);
		expect(mail.text).toContain(`${origin}/konto`);
		expect(mail.html).toContain(`${origin}/utvarderingar/${id}/faktagranskning`);
	});
});

describe('the outbox', () => {
	it('keeps mail while the SMTP server is down and sends it when it is back', async () => {
		await smtp.stop();
		await inviteUser(
			t.db,
			systemActor,
			{ email: address('vantar'), role: 'evaluator', locale: 'sv' },
			{ origin, inviter: 'Sam' }
		);
		const down = await sendPendingMail(t.db, transport, { from, retryDelay: () => 0 });
		expect(down).toEqual({ sent: 0, failed: 1 });
		const [row] = await listOutbox(t.db, 1);
		expect(row.sentAt).toBeNull();
		expect(row.attempts).toBe(1);
		expect(row.lastError).toBeTruthy();

		await smtp.start();
		expect(await sendPendingMail(t.db, transport, { from })).toEqual({ sent: 1, failed: 0 });
		expect(smtp.received).toHaveLength(1);
		const [sent] = await listOutbox(t.db, 1);
		expect(sent.sentAt).not.toBeNull();
		// Sent mail is not sent again.
		expect(await sendPendingMail(t.db, transport, { from })).toEqual({ sent: 0, failed: 0 });
	});

	it('waits with back-off after a failure', async () => {
		await smtp.stop();
		await inviteUser(
			t.db,
			systemActor,
			{ email: address('backoff'), role: 'evaluator', locale: 'sv' },
			{ origin, inviter: 'Sam' }
		);
		expect(await send()).toEqual({ sent: 0, failed: 1 });
		await smtp.start();
		// Not due yet: the first retry waits a minute.
		expect(await send()).toEqual({ sent: 0, failed: 0 });
		await t.db
			.updateTable('outbox')
			.set({ next_attempt_at: new Date() })
			.where('sent_at', 'is', null)
			.execute();
		expect(await send()).toEqual({ sent: 1, failed: 0 });
	});

	it('two app servers on one database send each mail once', async () => {
		for (let i = 0; i < 12; i++) {
			await enqueueMail(t.db, {
				kind: 'stage',
				to: `server-test-${i}@kommun.example.se`,
				userId: null,
				rendered: renderMail(
					{
						subject: `Mail ${i}`,
						paragraphs: ['Hej'],
						action: { label: 'Öppna', url: `${origin}/` },
						why: 'Test',
						settingsUrl: null
					},
					'sv'
				)
			});
		}
		const secondTransport = createMailTransport({ smtpUrl: smtp.url, from });
		const [a, b] = await Promise.all([
			sendPendingMail(t.db, transport, { from, by: 'server-a' }),
			sendPendingMail(t.db, secondTransport, { from, by: 'server-b' })
		]);
		secondTransport.close?.();
		expect(a.sent + b.sent).toBe(12);
		const subjects = smtp.received.map((m) => m.subject).sort();
		expect(subjects).toEqual(Array.from({ length: 12 }, (_, i) => `Mail ${i}`).sort());
	});

	it('a rolled-back action sends nothing', async () => {
		const before = (await listOutbox(t.db, 1))[0]?.id ?? 0;
		const email = address('dubbel');
		await createUser(t.db, { role: 'evaluator', email });
		// The invitation of a taken address is refused after the mail would have been composed.
		await expect(
			inviteUser(
				t.db,
				systemActor,
				{ email: email.toUpperCase(), role: 'evaluator', locale: 'sv' },
				{ origin, inviter: 'Sam' }
			)
		).rejects.toBeInstanceOf(DuplicateEmailError);
		// A mail written in a transaction that then fails is gone with it.
		await expect(
			t.db.transaction().execute(async (trx) => {
				await enqueueMail(trx, {
					kind: 'stage',
					to: 'rollback@kommun.example.se',
					userId: null,
					rendered: renderMail(
						{
							subject: 'Rolled back',
							paragraphs: ['Hej'],
							action: { label: 'Öppna', url: `${origin}/` },
							why: 'Test',
							settingsUrl: null
						},
						'sv'
					)
				});
				throw new Error('the action failed after queuing its mail');
			})
		).rejects.toThrow('the action failed');
		expect((await listOutbox(t.db, 1))[0]?.id ?? 0).toBe(before);
		expect(await send()).toEqual({ sent: 0, failed: 0 });
		expect(smtp.received).toHaveLength(0);
	});
});
