/**
 * One mail, written once and rendered twice: plain text and a simple HTML part. Every mail says
 * why it was sent, links to the exact page and (for notifications) to the user's settings.
 * Everything put into the HTML is escaped first; the link written out breaks anywhere, so a long
 * token does not make a phone's mail app scroll sideways.
 */
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/i18n';

export interface MailContent {
	subject: string;
	/** The greeting and the message, one string per paragraph. */
	paragraphs: string[];
	action: { label: string; url: string };
	/** Why the recipient got this mail. */
	why: string;
	/** Where the recipient turns such mail off; null for mail one cannot turn off. */
	settingsUrl: string | null;
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
	link: string;
}

const escapeHtml = (s: string) =>
	s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');

/** The text and HTML parts of a mail in the recipient's language. */
export function renderMail(content: MailContent, locale: Locale): RenderedMail {
	const settings = content.settingsUrl
		? m['mail.settings']({ url: content.settingsUrl }, { locale })
		: null;
	const text = [
		...content.paragraphs,
		`${content.action.label}:\n${content.action.url}`,
		'--',
		content.why,
		...(settings ? [settings] : [])
	].join('\n\n');
	const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 36rem; margin: 0 auto; padding: 1rem;">
<p style="font-weight: 600; color: #1d4f91; margin: 0 0 1rem;">Kommunkompassen</p>
${content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(content.action.url)}" style="display: inline-block; background: #1d4f91; color: #fff; padding: 0.6rem 1rem; border-radius: 4px; text-decoration: none;">${escapeHtml(content.action.label)}</a></p>
<p style="font-size: 0.9rem; overflow-wrap: anywhere; word-break: break-all;">${escapeHtml(content.action.url)}</p>
<hr style="border: 0; border-top: 1px solid #ccc;">
<p style="font-size: 0.85rem; color: #555;">${escapeHtml(content.why)}${
		content.settingsUrl
			? `<br><a href="${escapeHtml(content.settingsUrl)}">${escapeHtml(m['mail.settingsLink']({}, { locale }))}</a>`
			: ''
	}</p>
</body>
</html>`;
	return { subject: content.subject, text, html, link: content.action.url };
}
