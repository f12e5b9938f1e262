/**
 * Sessions as the lucia-auth.com guide describes them: the token is `id.secret`; the database keeps
 * the id and a SHA-256 hash of the secret only, compared in constant time. A session ends after a
 * period of inactivity; activity slides it forward (written at most once per renewal interval).
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';
import type { Database } from '../db';
import {
	deleteSession,
	findSessionWithUser,
	insertSession,
	touchSession
} from '../accounts/sessions';
import type { SessionUser } from './types';
import type { Cookies } from '@sveltejs/kit';

export const sessionCookieName = 'session';
/** Signed out after this long without a request. */
export const inactivityTimeoutMs = 8 * 60 * 60 * 1000;
/** last_verified_at is written at most this often, so every request is not a write. */
export const renewalIntervalMs = 5 * 60 * 1000;

/**
 * 15 random bytes in lower-case base32 (a–z, 2–7): 24 characters, 120 bits of entropy. Tokens made
 * before this used another 32-letter alphabet at the same length; validation never looks at the
 * alphabet, so sessions signed in with them stay valid.
 */
function generateSecureRandomString(): string {
	return encodeBase32LowerCaseNoPadding(randomBytes(15));
}

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export interface SessionWithToken {
	id: string;
	token: string;
	expiresAt: Date;
}

export async function createSession(
	db: Database,
	userId: number,
	now = new Date()
): Promise<SessionWithToken> {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	await insertSession(db, { id, userId, secretHash: hashSecret(secret), now });
	return { id, token: `${id}.${secret}`, expiresAt: new Date(now.getTime() + inactivityTimeoutMs) };
}

export interface ValidatedSession {
	session: { id: string; expiresAt: Date; renewed: boolean };
	user: SessionUser;
}

/** The session and user behind a token, or null for a forged, expired or revoked one. */
export async function validateSessionToken(
	db: Database,
	token: string,
	now = new Date()
): Promise<ValidatedSession | null> {
	const parts = token.split('.');
	if (
		parts.length !== 2 ||
		!parts[0] ||
		!parts[1] ||
		parts[0].length > 64 ||
		parts[1].length > 64
	) {
		return null;
	}
	const [id, secret] = parts;
	const row = await findSessionWithUser(db, id);
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secret_hash))) return null;
	const idleFor = now.getTime() - row.last_verified_at.getTime();
	if (idleFor >= inactivityTimeoutMs || !row.active) {
		await invalidateSession(db, id);
		return null;
	}
	let lastVerified = row.last_verified_at;
	const renewed = idleFor >= renewalIntervalMs;
	if (renewed) {
		lastVerified = now;
		await touchSession(db, id, now);
	}
	return {
		session: {
			id,
			expiresAt: new Date(lastVerified.getTime() + inactivityTimeoutMs),
			renewed
		},
		user: {
			id: row.userId,
			email: row.email,
			name: row.name,
			role: row.role,
			municipalityCode: row.municipality_code,
			mustChangePassword: row.must_change_password
		}
	};
}

export async function invalidateSession(db: Database, sessionId: string) {
	await deleteSession(db, sessionId);
}

/** HttpOnly, SameSite=Lax, Path=/; Secure except on plain-http localhost development. */
export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(sessionCookieName, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies) {
	cookies.delete(sessionCookieName, { path: '/' });
}
