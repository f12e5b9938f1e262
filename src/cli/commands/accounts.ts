import { roles, type Role } from '../../lib/domain/roles';
import { cliActor } from '../../lib/server/accounts/audit';
import { generateOneTimePassword, minPasswordLength } from '../../lib/server/auth/password';
import {
	createUser,
	DuplicateEmailError,
	findUserForSignIn,
	setPassword
} from '../../lib/server/accounts/users';
import { inviteUser } from '../../lib/server/accounts/invitations';
import { appOrigin, mailConfig } from '../../lib/server/mail/config';
import { findMunicipalityByCode } from '../../lib/server/register/municipalities';
import { parseOptions } from '../args';
import type { CliCommand, CliIO } from '../context';

/**
 * With `--password-stdin`, the password from standard input (first line), checked like one chosen
 * in the UI; undefined without the option; null, after saying why, for one too short.
 */
async function passwordOption(io: CliIO, fromStdin: boolean | undefined) {
	if (!fromStdin) return undefined;
	const password = (await io.readStdin()).split(/\r?\n/)[0] ?? '';
	if (password.length < minPasswordLength) {
		io.err(`The password must have at least ${minPasswordLength} characters.`);
		return null;
	}
	return password;
}

export const accountsCommands: CliCommand[] = [
	{
		name: ['user', 'create'],
		usage: 'user create --email E --role R [--name N] [--municipality CODE] [--password-stdin]',
		summary: 'Create a user; prints a one-time password unless one is read from stdin.',
		run: async (args, { io, withDatabase }) => {
			const { values } = parseOptions(args, {
				email: { type: 'string' },
				role: { type: 'string' },
				name: { type: 'string' },
				municipality: { type: 'string' },
				'password-stdin': { type: 'boolean' }
			});
			if (!values.email || !/^[^@\s]+@[^@\s]+$/.test(values.email)) {
				io.err('--email: a valid e-mail address is required');
				return 1;
			}
			if (!roles.includes(values.role as Role)) {
				io.err(`--role: one of ${roles.join(', ')}`);
				return 1;
			}
			const role = values.role as Role;
			if (role === 'municipality' && !values.municipality) {
				io.err('--municipality: required for role municipality (four-digit code, e.g. 1883)');
				return 1;
			}
			const password = await passwordOption(io, values['password-stdin']);
			if (password === null) return 1;
			return withDatabase(async (db) => {
				if (role === 'municipality' && !(await findMunicipalityByCode(db, values.municipality!))) {
					io.err(`--municipality: unknown municipality code ${values.municipality}`);
					return 1;
				}
				try {
					const input = {
						email: values.email!,
						name: values.name,
						role,
						municipalityCode: values.municipality ?? null
					};
					if (password) {
						const { user } = await createUser(db, cliActor, { ...input, password });
						io.out(`Created ${user.role} ${user.email} (id ${user.id}).`);
						return 0;
					}
					// No password given: an invitation with a link to choose one, as from the admin page.
					const { user, link } = await inviteUser(
						db,
						cliActor,
						{ ...input, locale: 'sv' },
						{ origin: appOrigin(), inviter: 'Kommunkompassen' }
					);
					io.out(`Created ${user.role} ${user.email} (id ${user.id}).`);
					if (mailConfig())
						io.out('An invitation is queued; a running app server sends it (SMTP_URL).');
					else
						io.out(
							`No SMTP_URL: give the user this link to choose a password (valid 7 days, once):\n  ${link}`
						);
					return 0;
				} catch (e) {
					if (e instanceof DuplicateEmailError) {
						io.err(`A user with e-mail ${values.email} already exists.`);
						return 1;
					}
					throw e;
				}
			});
		}
	},
	{
		name: ['user', 'reset-password'],
		usage: 'user reset-password --email E [--password-stdin]',
		summary: 'Give a user a new one-time password (or one from stdin); ends their sessions.',
		run: async (args, { io, withDatabase }) => {
			const { values } = parseOptions(args, {
				email: { type: 'string' },
				'password-stdin': { type: 'boolean' }
			});
			if (!values.email) {
				io.err('--email is required');
				return 1;
			}
			const password = await passwordOption(io, values['password-stdin']);
			if (password === null) return 1;
			return withDatabase(async (db) => {
				const user = await findUserForSignIn(db, values.email!);
				if (!user) {
					io.err(`No user with e-mail ${values.email}.`);
					return 1;
				}
				const oneTime = password ? null : generateOneTimePassword();
				await setPassword(db, cliActor, user.id, password ?? (oneTime as string), {
					mustChange: oneTime !== null
				});
				io.out(
					oneTime
						? `One-time password for ${user.email}: ${oneTime}`
						: `Password set for ${user.email}.`
				);
				return 0;
			});
		}
	}
];
