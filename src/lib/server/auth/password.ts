import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

/** argon2id with OWASP's minimum: 19 MiB memory, 2 iterations, 32-byte output, 1 lane. */
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export { minPasswordLength } from '../../schemas/auth';

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// A malformed or unusable hash (e.g. a demo account that was never given a password).
		return false;
	}
}

/** A one-time password: 16 characters from an alphabet without look-alikes (0/O, 1/l). */
export function generateOneTimePassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	const bytes = randomBytes(16);
	return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

/** A hash no password matches: an invited account until its owner chooses a password. */
export const unusablePasswordHash = '!unusable';
