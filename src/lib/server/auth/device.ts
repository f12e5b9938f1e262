/**
 * Device cookies (OWASP's "Slow down online guessing attacks with device cookies"): a browser that
 * signed in to an account with the right password gets a long-lived cookie, and a sign-in to that
 * account from that browser is not held by the ceilings that guessing from elsewhere can fill (one
 * account from anywhere, one address for any account). Guessing still slows down, but can no
 * longer lock the owner out of their own account.
 *
 * Why a random token stored hashed, and not a cookie signed with an HMAC key: the app has no
 * secret of its own to sign with (nothing to configure, several servers share only the database),
 * and a key kept in the database would be one more secret that a database dump hands out, with
 * which any device cookie for any account could then be forged. A random token of 120 bits is as
 * hard to forge as a signature, the database keeps only its SHA-256 (a dump gives no usable
 * cookie), a device is forgotten with its account (or after a year unused), and nothing needs
 * rotating. The token is bound to the account it signed in to: it opens no other account's door.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import type { Database } from '../db';
import {
	deleteSignInDevicesUnusedSince,
	findSignInDeviceOwner,
	insertSignInDevice,
	touchSignInDevice
} from '../accounts/sign-in-devices';

export const deviceCookieName = 'device';
/** A device is remembered for a year after its last successful sign-in. */
export const deviceLifetimeMs = 365 * 24 * 60 * 60 * 1000;

const hashToken = (token: string) => sha256(new TextEncoder().encode(token));
const wellFormed = (token: string | null | undefined): token is string =>
	typeof token === 'string' && /^[a-z2-7]{24}$/.test(token);
const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** True when `token` is a device that has signed in to the account of `email` before. */
export async function isKnownDevice(
	db: Database,
	token: string | null | undefined,
	email: string
): Promise<boolean> {
	if (!wellFormed(token)) return false;
	const owner = await findSignInDeviceOwner(db, hashToken(token));
	return owner !== undefined && normaliseEmail(owner.email) === normaliseEmail(email);
}

/**
 * After a successful sign-in: the device's token, the one it already has for this account or a
 * new one. Devices unused for a year are forgotten on the way.
 */
export async function rememberDevice(
	db: Database,
	user: { id: number; email: string },
	current: string | null | undefined,
	now = new Date()
): Promise<string> {
	await deleteSignInDevicesUnusedSince(db, new Date(now.getTime() - deviceLifetimeMs));
	if (wellFormed(current) && (await isKnownDevice(db, current, user.email))) {
		await touchSignInDevice(db, hashToken(current), now);
		return current;
	}
	const token = encodeBase32LowerCaseNoPadding(randomBytes(15));
	await insertSignInDevice(db, { tokenHash: hashToken(token), userId: user.id, now });
	return token;
}

/** HttpOnly, SameSite=Lax, Secure on https, for a year; signing out keeps it (it is no session). */
export function setDeviceCookie(
	cookies: Cookies,
	token: string,
	secure: boolean,
	now = new Date()
) {
	cookies.set(deviceCookieName, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: new Date(now.getTime() + deviceLifetimeMs)
	});
}
