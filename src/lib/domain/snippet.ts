/** A search snippet (escaped HTML with <mark>) back to the plain text that is cited. */
export function snippetToPlainText(snippet: string): string {
	return snippet
		.replace(/<\/?mark>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}
