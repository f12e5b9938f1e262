/**
 * Mail configuration from the environment. `SMTP_URL` (smtp:// with STARTTLS when the server
 * offers it, smtps:// for implicit TLS) turns sending on; without it nothing is sent and every
 * mail waits in the outbox, readable by the coordinator (the Utkorg page).
 */
export interface MailConfig {
	smtpUrl: string;
	from: string;
}

/** The mail server and sender, or null when no SMTP_URL is set (the embedded default). */
export function mailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
	const smtpUrl = env.SMTP_URL?.trim();
	if (!smtpUrl) return null;
	return {
		smtpUrl,
		from: env.MAIL_FROM?.trim() || 'Kommunkompassen <noreply@kommunkompassen.local>'
	};
}

/**
 * The public address links in mail point to: ORIGIN when set (as in production), else the
 * request's own origin, else the local default.
 */
export function appOrigin(requestOrigin?: string): string {
	const origin =
		process.env.ORIGIN?.trim() || requestOrigin || `http://localhost:${process.env.PORT || 3000}`;
	return origin.replace(/\/+$/, '');
}
