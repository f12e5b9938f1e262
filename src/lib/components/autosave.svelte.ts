/**
 * Autosave that never takes anything away. One instance per form:
 *
 * - The fields belong to the user. A save's answer never writes back into them, and the page is
 *   not reloaded or re-rendered from the server after a save (no `update()`/`applyAction`), so
 *   focus, caret and every value stay as the user left them.
 * - A pause in typing saves; typing while a save is on its way queues the next save, based on
 *   the version the first one returns.
 * - A refused save keeps the user's text in the field with the message beside it; a save based on
 *   a stale version (409) pauses autosave until the user saves by hand, knowingly replacing the
 *   other person's text.
 * - Leaving the page within the app first saves what is unsaved (and stays if that fails);
 *   closing or reloading the tab with unsaved changes makes the browser ask.
 *
 * Without JavaScript the same form posts normally with its save button. Forms using this are
 * `novalidate`: the browser's own validation would block a save and pull focus to its bubble, so
 * the server checks and answers with a message at the field instead.
 */
import type { SubmitFunction } from '@sveltejs/kit';
import { applyAction } from '$app/forms';
import { beforeNavigate, goto } from '$app/navigation';

/**
 * `waiting`: the form is not complete enough to save (an agreed score without its justification);
 * autosave holds the edit instead of sending it to be refused, and the form asks for what is missing.
 */
export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'failed' | 'conflict' | 'waiting';

/** What the app's form actions answer (see `attempt` in evaluation-route.ts). */
interface SaveAnswer {
	version?: number;
	errors?: Record<string, string>;
	stale?: { current: Record<string, unknown> | null };
}

export class Autosave {
	state = $state<SaveState>('idle');
	/** The row version the next save is based on. */
	version = $state(0);
	/** Messages per field (or `_form`) from the last refused save, in the user's language. */
	errors = $state<Record<string, string>>({});
	/** The row as someone else saved it, after a stale save. */
	stale = $state<Record<string, unknown> | null>(null);

	#form: HTMLFormElement | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#edits = 0;
	#savedEdits = 0;
	#inFlight = false;
	#queued = false;
	#waiters: ((saved: boolean) => void)[] = [];

	constructor(
		initial: {
			version: number;
			errors?: Record<string, string>;
			stale?: SaveAnswer['stale'];
			/** The page was rendered after a save posted without JavaScript. */
			saved?: boolean;
		},
		private readonly delayMs = 1000,
		/** Whether the form as filled in now can be saved; an automatic save waits until it can. */
		private readonly ready: () => boolean = () => true
	) {
		this.version = initial.version;
		this.errors = initial.errors ?? {};
		this.stale = initial.stale?.current ?? null;
		if (initial.stale) this.state = 'conflict';
		else if (initial.errors && Object.keys(initial.errors).length) this.state = 'failed';
		else if (initial.saved) this.state = 'saved';
		beforeNavigate((navigation) => {
			if (!this.unsaved) return;
			// The browser asks before a tab is closed or reloaded with unsaved changes.
			navigation.cancel();
			if (navigation.type === 'leave' || !navigation.to) return;
			const target = navigation.to.url;
			void this.flush().then((saved) => {
				// The URL the user was already navigating to, resolved by the router itself.
				// eslint-disable-next-line svelte/no-navigation-without-resolve
				if (saved) void goto(target);
			});
		});
	}

	/** Changes not yet saved (typed, waiting, or on their way). */
	get unsaved(): boolean {
		return this.#edits > this.#savedEdits || this.#inFlight;
	}

	/** An edit the user made through the page rather than by typing (e.g. "Ta A"): saved like one. */
	edited() {
		this.#edits += 1;
		if (this.state !== 'conflict' && !this.#inFlight) this.state = 'dirty';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.#submit(), this.delayMs);
	}

	/** `use:saver.attach` on the form: every input schedules a save after a pause. */
	attach = (form: HTMLFormElement) => {
		this.#form = form;
		const onInput = () => this.edited();
		const onBeforeUnload = (event: BeforeUnloadEvent) => {
			if (this.unsaved) event.preventDefault();
		};
		form.addEventListener('input', onInput);
		window.addEventListener('beforeunload', onBeforeUnload);
		return {
			destroy: () => {
				clearTimeout(this.#timer);
				form.removeEventListener('input', onInput);
				window.removeEventListener('beforeunload', onBeforeUnload);
				if (this.#form === form) this.#form = null;
			}
		};
	};

	/** Saves now what is unsaved; resolves true once everything typed so far is saved. */
	flush(): Promise<boolean> {
		if (!this.unsaved) return Promise.resolve(true);
		const done = new Promise<boolean>((resolve) => this.#waiters.push(resolve));
		if (!this.#inFlight) this.#submit();
		return done;
	}

	#submit() {
		clearTimeout(this.#timer);
		this.#form?.requestSubmit();
	}

	#settle(saved: boolean) {
		const waiters = this.#waiters;
		this.#waiters = [];
		for (const resolve of waiters) resolve(saved);
	}

	/** `use:enhance={saver.enhance}` on the form. */
	enhance: SubmitFunction = ({ formData, cancel, submitter }) => {
		clearTimeout(this.#timer);
		// While a conflict is shown, only an explicit save may replace the other person's text.
		if (this.state === 'conflict' && !submitter) {
			cancel();
			this.#settle(false);
			return;
		}
		// An incomplete form (a required field empty) is not sent to be refused: the edit waits, and
		// the next input that completes it saves it. An explicit save still goes, to say why not.
		if (!submitter && !this.#inFlight && !this.ready()) {
			cancel();
			this.state = 'waiting';
			this.#settle(false);
			return;
		}
		if (this.#inFlight) {
			this.#queued = true;
			cancel();
			return;
		}
		formData.set('version', String(this.version));
		const edits = this.#edits;
		this.#inFlight = true;
		this.state = 'saving';
		return async ({ result }) => {
			this.#inFlight = false;
			if (result.type === 'redirect') {
				await applyAction(result);
				return;
			}
			const answer = (
				result.type === 'success' || result.type === 'failure' ? (result.data ?? {}) : {}
			) as SaveAnswer;
			if (result.type === 'success') {
				if (typeof answer.version === 'number') this.version = answer.version;
				this.#savedEdits = Math.max(this.#savedEdits, edits);
				this.errors = {};
				this.stale = null;
				this.state = this.#edits > edits ? 'dirty' : 'saved';
			} else if (result.type === 'failure' && result.status === 409 && answer.stale) {
				this.stale = answer.stale.current;
				// Base the next (explicit) save on the version the user has now seen.
				const seen = Number(this.stale?.row_version ?? this.stale?.rowVersion);
				if (Number.isInteger(seen) && seen > 0) this.version = seen;
				this.errors = answer.errors ?? {};
				this.state = 'conflict';
			} else {
				this.errors = answer.errors ?? {};
				this.state = 'failed';
			}
			// Typing went on during the save: the queued save (or a flush) goes now, otherwise the
			// pending pause timer sends it.
			const now = this.#queued || this.#waiters.length > 0;
			this.#queued = false;
			if (this.state === 'dirty') {
				if (now) this.#submit();
			} else this.#settle(this.state === 'saved');
		};
	};
}
