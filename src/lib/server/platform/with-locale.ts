import { AsyncLocalStorage } from 'node:async_hooks';
import {
	getServerAsyncLocalStorage,
	overwriteServerAsyncLocalStorage,
	type Locale
} from '$lib/paraglide/runtime.js';

/**
 * Runs `fn` with Paraglide's locale set to `locale`: for output in another language than the
 * request's (a component rendered with `render()` for a PDF, an API answer following
 * Accept-Language), for each request (hooks), and for code without a request (the CLI, worker
 * threads), where the message functions and `getLocale()` would otherwise fall back to Swedish.
 */
export function withLocale<T>(locale: Locale, fn: () => T): T {
	let storage = getServerAsyncLocalStorage();
	if (!storage) {
		storage = new AsyncLocalStorage();
		overwriteServerAsyncLocalStorage(storage);
	}
	return storage.run({ locale, messageCalls: new Set() }, fn) as T;
}
