/**
 * The name an uploaded file is stored and offered under. Browsers send the name as the user's
 * system had it, but a client can send anything: a path (`../../../../etc/passwd.txt`), line
 * breaks, 5 000 characters, or a right-to-left override that makes `‮txt.exe` read as "exe.txt".
 * Downloads quote the name safely either way; what is stored and shown is this cleaned name (the
 * audit row keeps the original).
 */

/** Control characters, and the bidirectional marks and overrides that reorder what is shown. */
const unsafe = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const maxBytes = 255;

/**
 * The last part of a path, without control or bidirectional characters, leading dots or spaces,
 * at most 255 bytes of UTF-8 (the extension kept); 'document' when nothing is left.
 */
export function cleanFileName(name: string): string {
	const base = name.split(/[/\\]/).at(-1) ?? '';
	const cleaned = base
		.replace(unsafe, '')
		.replace(/^[\s.]+/, '')
		.replace(/\s+$/, '');
	return fitBytes(cleaned) || 'document';
}

function fitBytes(name: string): string {
	const size = (s: string) => Buffer.byteLength(s, 'utf8');
	if (size(name) <= maxBytes) return name;
	const dot = name.lastIndexOf('.');
	const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
	let stem = name.slice(0, name.length - extension.length);
	// Cut whole characters (code points), never half of one.
	const chars = [...stem];
	while (chars.length && size(chars.join('') + extension) > maxBytes) chars.pop();
	stem = chars.join('');
	return stem + extension;
}
