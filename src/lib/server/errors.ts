/** A setup problem the operator must fix; printed as one line without a stack trace. */
export class ConfigurationError extends Error {
	override name = 'ConfigurationError';
}
