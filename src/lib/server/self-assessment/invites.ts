/**
 * A municipality contact invites a colleague to the municipality's self-assessments. The same
 * thing happens to the inviter whether the address already has an account or not, so the invite
 * does not tell which addresses have accounts (the sign-in page hides that too): a new address
 * gets a municipality account and an invitation mail to choose a password (no password is shown
 * or sent); a known one keeps its account, and if it is a user of this municipality it can
 * already be chosen into a self-assessment's group.
 */
import type { Database } from '../db';
import type { Actor } from '../accounts/audit';
import { DuplicateEmailError } from '../accounts/users';
import { inviteUser, type InvitationContext } from '../accounts/invitations';
import type { Locale } from '$lib/i18n';

export type InviteOutcome = { account: 'created'; userId: number } | { account: 'existing' };

/** Creates the colleague's account and queues its invitation unless the address has one. */
export async function inviteColleague(
	db: Database,
	actor: Actor & { id: number | null },
	input: { email: string; name: string; municipalityCode: string; locale: Locale },
	context: InvitationContext
): Promise<InviteOutcome> {
	try {
		const { user } = await inviteUser(
			db,
			actor,
			{
				email: input.email,
				name: input.name,
				role: 'municipality',
				municipalityCode: input.municipalityCode,
				locale: input.locale
			},
			{ ...context, selfAssessment: true }
		);
		return { account: 'created', userId: user.id };
	} catch (e) {
		if (e instanceof DuplicateEmailError) return { account: 'existing' };
		throw e;
	}
}
