/**
 * Messages whose key is known only at run time. Call sites with a literal key use Paraglide's
 * message functions directly (`m['ws.save']()`), so a page ships only the messages it uses.
 *
 * - `lookup(prefix, suffix, table)` is what the generated `lookups.ts` builds for a family of keys
 *   (`ap.status.${status}`): a page using it ships that family, not the whole catalogue.
 * - `isMessageKey`/`translateKey` look in the whole catalogue, for keys carried as data (errors
 *   thrown with a message key, zod issues). They import every message: server code only.
 */
import { m } from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

export type MessageKey = keyof typeof m;
export type MessageInputs = Record<string, unknown>;
export interface MessageOptions {
	locale?: Locale;
}
/** Any message function, its parameters unchecked (the key, and so its parameters, is dynamic). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each message has its own inputs
export type Message = (inputs?: any, options?: MessageOptions) => string;

/** A family of messages by the variable part of their key. */
export interface Family {
	/** The message; for an unknown key, one that shows the key. */
	(key: string): Message;
	has(key: string): boolean;
}

export function lookup(prefix: string, suffix: string, table: Record<string, Message>): Family {
	const has = (key: string) => Object.hasOwn(table, key);
	return Object.assign(
		(key: string): Message => (has(key) ? table[key] : () => `${prefix}${key}${suffix}`),
		{ has }
	);
}

export function isMessageKey(key: string): key is MessageKey {
	return Object.hasOwn(m, key);
}

/** The message for a key held as data; an unknown key is returned as it is. */
export function translateKey(
	key: string,
	inputs?: MessageInputs,
	options?: MessageOptions
): string {
	return isMessageKey(key) ? (m[key] as Message)(inputs ?? {}, options) : key;
}

export type Vars = MessageInputs;

/**
 * Translation bound to a locale, for server and report code that picks messages by key (the
 * report's headings, the average's captions): it loads the whole catalogue, so server code only.
 */
export function translator(locale: Locale) {
	return (key: MessageKey, inputs?: MessageInputs) => translateKey(key, inputs, { locale });
}
