/**
 * Accounts made by invitation and passwords reset by mail. The user, its single-use token and the
 * mail are written in one transaction: a refused creation mails nothing, and a mail server that is
 * down delays the mail (the outbox job retries) but loses nothing. No password is generated,
 * shown or mailed: the recipient chooses one through the link.
 */
import type { Database } from '../db';
import type { Role } from '$lib/domain/roles';
import type { Locale } from '$lib/i18n';
import type { Actor } from './audit';
import { insertUser, type UserSummary } from './users';
import { issueAccountToken } from './account-tokens';
import { enqueueMail } from '../mail/outbox';
import { unusablePasswordHash } from '../auth/password';
import { invitationMail, resetMail } from '../mail/messages';

export interface Invitation {
	email: string;
	name?: string;
	role: Role;
	municipalityCode?: string | null;
	/** The language of the invitation and of the user's later mail. */
	locale: Locale;
}

export interface InvitationContext {
	/** Links point here (appOrigin()). */
	origin: string;
	/** Who invites, as the mail names them. */
	inviter: string;
	/** The self-assessment's invitation says what it is for. */
	selfAssessment?: boolean;
}

/**
 * Creates the account without a usable password and queues its invitation. Throws
 * DuplicateEmailError for a taken address. Returns the user and the link (for the CLI, which
 * prints it when no mail server is configured).
 */
export async function inviteUser(
	db: Database,
	actor: Actor,
	input: Invitation,
	context: InvitationContext
): Promise<{ user: UserSummary; link: string }> {
	return db.transaction().execute(async (trx) => {
		const user = await insertUser(trx, actor, input, unusablePasswordHash, false);
		const token = await issueAccountToken(trx, user.id, 'invitation');
		const mail = invitationMail(
			{ email: user.email, name: user.name, locale: input.locale },
			{ ...context, token, role: user.role }
		);
		await enqueueMail(trx, { kind: 'invitation', to: user.email, userId: user.id, rendered: mail });
		return { user, link: mail.link };
	});
}

/**
 * A new invitation for an existing account: the earlier link stops working. Returns undefined
 * for an unknown or deactivated account.
 */
export async function resendInvitation(
	db: Database,
	userId: number,
	context: InvitationContext
): Promise<{ email: string; link: string } | undefined> {
	return db.transaction().execute(async (trx) => {
		const user = await trx
			.selectFrom('app_user')
			.select(['id', 'email', 'name', 'role', 'locale'])
			.where('id', '=', userId)
			.where('active', '=', true)
			.executeTakeFirst();
		if (!user) return undefined;
		const token = await issueAccountToken(trx, user.id, 'invitation');
		const mail = invitationMail(
			{ email: user.email, name: user.name, locale: user.locale },
			{ ...context, token, role: user.role }
		);
		await enqueueMail(trx, { kind: 'invitation', to: user.email, userId: user.id, rendered: mail });
		return { email: user.email, link: mail.link };
	});
}

/** The active account with this e-mail address (case-insensitive), for a reset request. */
export async function findActiveUserByEmail(db: Database, email: string) {
	return db
		.selectFrom('app_user')
		.select(['id', 'email', 'name', 'locale'])
		.where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
		.where('active', '=', true)
		.executeTakeFirst();
}

/** Queues a reset link (valid an hour) for the account; returns the link. */
export async function queuePasswordReset(
	db: Database,
	user: { id: number; email: string; name: string; locale: Locale },
	origin: string
): Promise<string> {
	return db.transaction().execute(async (trx) => {
		const token = await issueAccountToken(trx, user.id, 'reset');
		const mail = resetMail(user, { origin, token });
		await enqueueMail(trx, { kind: 'reset', to: user.email, userId: user.id, rendered: mail });
		return mail.link;
	});
}
