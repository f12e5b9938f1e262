/**
 * The longest text each kind of field takes. Forms show them as `maxlength` and the server
 * refuses a longer text with a message at the field (never cutting it and answering "saved"),
 * so both read the limits from here.
 */
export const textLimits = {
	/** A blind or agreed score's justification. */
	justification: 20_000,
	/** Allmänt, a subarea narrative, the summary. */
	findingText: 50_000,
	/** A strength, an improvement or a recommendation. */
	findingItem: 5_000,
	/** A follow-up comment on an earlier improvement, a progress note. */
	comment: 5_000,
	/** A fact-check comment and its answer. */
	factCheck: 10_000,
	/** The reason for reopening a published evaluation. */
	reason: 2_000,
	/** A quote cited from a document, and the note beside it. */
	quote: 5_000,
	note: 2_000
} as const;
