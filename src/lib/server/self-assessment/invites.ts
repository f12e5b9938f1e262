/**
 * A municipality contact invites a colleague to the municipality's self-assessments. The same
 * thing happens to the inviter whether the address already has an account or not, so the invite
 * does not tell which addresses have accounts (the sign-in page hides that too): a new address
 * gets a municipality account with a one-time password; a known one keeps its account, and if it
 * is a user of this municipality it can already be chosen into a self-assessment's group.
 */
import type { Database } from '../db';
import type { Actor } from '../accounts/audit';
import { createUser, DuplicateEmailError } from '../accounts/users';

export type InviteOutcome =
	{ account: 'created'; userId: number; oneTimePassword: string } | { account: 'existing' };

/** Creates the colleague's account unless the address has one; the caller answers alike. */
export async function inviteColleague(
	db: Database,
	actor: Actor & { id: number | null },
	input: { email: string; name: string; municipalityCode: string }
): Promise<InviteOutcome> {
	try {
		const { user, oneTimePassword } = await createUser(db, actor, {
			email: input.email,
			name: input.name,
			role: 'municipality',
			municipalityCode: input.municipalityCode
		});
		return { account: 'created', userId: user.id, oneTimePassword: oneTimePassword ?? '' };
	} catch (e) {
		// Checked after the password is hashed, so a known address takes as long as a new one.
		if (e instanceof DuplicateEmailError) return { account: 'existing' };
		throw e;
	}
}
