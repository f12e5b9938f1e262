/** The app's errors: what a refusal or a setup fault is, wherever it is thrown. */

/** A refusal the user can act on (shown at the field or form), not a server fault. */
export class DomainError extends Error {
	constructor(
		message: string,
		public readonly field = '_form',
		public readonly status: 400 | 403 | 404 | 409 = 400,
		/** Values for the message's `{placeholders}`. */
		public readonly vars?: Record<string, string | number>
	) {
		super(message);
	}
}

/** A setup problem the operator must fix; printed as one line without a stack trace. */
export class ConfigurationError extends Error {
	override name = 'ConfigurationError';
}
