/**
 * Text extraction from uploaded governing documents, per page (PDF) or section (DOCX, HTML,
 * text). Type is detected from the content, never the file name. Every failure becomes a clear
 * Swedish message; a PDF without a text layer is not a failure but "ingen text".
 */
import { fileTypeFromBuffer } from 'file-type';

export type DocumentType = 'pdf' | 'docx' | 'html' | 'text';

export const mediaTypes: Record<DocumentType, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	html: 'text/html',
	text: 'text/plain'
};

export class ExtractionError extends Error {}

export interface ExtractedPage {
	page: number;
	sectionTitle: string | null;
	text: string;
}

export interface Extraction {
	status: 'klar' | 'ingen_text';
	pages: ExtractedPage[];
	message: string | null;
}

/** Detects the type from the bytes; null for anything we do not take. */
export async function detectDocumentType(bytes: Uint8Array): Promise<DocumentType | null> {
	if (bytes.length === 0) return null;
	const detected = await fileTypeFromBuffer(bytes);
	if (detected?.mime === 'application/pdf') return 'pdf';
	if (detected?.ext === 'docx') return 'docx';
	if (detected) return null; // images, zip, exe, … : a known binary type we do not take
	const text = decodeUtf8(bytes);
	if (text === null) return null;
	const head = text.slice(0, 2000).toLowerCase();
	return /<!doctype html|<html[\s>]|<body[\s>]|<p[\s>]|<h[1-6][\s>]/.test(head) ? 'html' : 'text';
}

function decodeUtf8(bytes: Uint8Array): string | null {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		// Control characters other than whitespace mean binary data.
		// eslint-disable-next-line no-control-regex -- matching control characters is the point
		return /[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4000)) ? null : text;
	} catch {
		// Not UTF-8: older Windows exports are often Latin-1.
		const latin = new TextDecoder('latin1').decode(bytes);
		// eslint-disable-next-line no-control-regex -- as above
		return /[\u0000-\u0008\u000e-\u001f]/.test(latin.slice(0, 4000)) ? null : latin;
	}
}

const normalise = (s: string) =>
	s
		.replace(/\u00ad/g, '')
		.replace(/[ \t]+/g, ' ')
		.replace(/\n{3,}/g, '\n\n')
		.trim();

export async function extractDocument(bytes: Uint8Array, type: DocumentType): Promise<Extraction> {
	const pages =
		type === 'pdf'
			? await extractPdf(bytes)
			: type === 'docx'
				? await extractDocx(bytes)
				: type === 'html'
					? extractHtml(decodeUtf8(bytes) ?? '')
					: extractPlainText(decodeUtf8(bytes) ?? '');
	const withText = pages.filter((p) => p.text.length > 0);
	if (withText.length === 0) {
		return {
			status: 'ingen_text',
			pages: [],
			message:
				type === 'pdf' ? 'ingen text – skannat dokument?' : 'dokumentet innehåller ingen text'
		};
	}
	return { status: 'klar', pages: withText, message: null };
}

async function extractPdf(bytes: Uint8Array): Promise<ExtractedPage[]> {
	const { extractText, getDocumentProxy } = await import('unpdf');
	let pdf;
	try {
		pdf = await getDocumentProxy(new Uint8Array(bytes));
	} catch (e) {
		const name = (e as Error).name ?? '';
		if (name === 'PasswordException' || /password/i.test((e as Error).message)) {
			throw new ExtractionError(
				'PDF-filen är krypterad eller lösenordsskyddad och kan inte läsas. Ladda upp en version utan lösenord.'
			);
		}
		throw new ExtractionError('PDF-filen är skadad och kan inte läsas.');
	}
	try {
		const { text } = await extractText(pdf, { mergePages: false });
		return (text as string[]).map((t, i) => ({
			page: i + 1,
			sectionTitle: null,
			text: normalise(t)
		}));
	} catch {
		throw new ExtractionError('PDF-filen är skadad och kan inte läsas.');
	} finally {
		await pdf.destroy();
	}
}

/** A DOCX is a zip; refuse archives that would inflate beyond a sane size (zip bombs). */
export const maxDocxUncompressedBytes = 200 * 1024 * 1024;

/**
 * Inflates every entry and counts the bytes as they come out, stopping at the limit. The sizes in
 * the zip directory are written by whoever made the file and may lie (a 1.5 MB file declaring
 * 1000 bytes that inflates to 1.5 GB), so only inflating tells; the chunks are dropped as they
 * are counted, so memory stays flat however large the entry claims or turns out to be.
 */
interface InflateStream {
	on(event: 'data', listener: (chunk: Uint8Array) => void): InflateStream;
	on(event: 'error', listener: (error: unknown) => void): InflateStream;
	on(event: 'end', listener: () => void): InflateStream;
	pause(): InflateStream;
	resume(): InflateStream;
}

async function inflatesWithin(zip: import('jszip'), limit: number): Promise<boolean> {
	let total = 0;
	for (const file of Object.values(zip.files)) {
		if (file.dir) continue;
		// Documented by jszip (docs: "internalStream") but missing from its type definitions.
		const stream = (
			file as unknown as { internalStream(type: 'uint8array'): InflateStream }
		).internalStream('uint8array');
		const complete = await new Promise<boolean>((resolve, reject) => {
			stream
				.on('data', (chunk: Uint8Array) => {
					total += chunk.length;
					if (total > limit) {
						stream.pause();
						resolve(false);
					}
				})
				.on('error', reject)
				.on('end', () => resolve(true))
				.resume();
		});
		if (!complete) return false;
	}
	return true;
}

async function extractDocx(bytes: Uint8Array): Promise<ExtractedPage[]> {
	const JSZip = (await import('jszip')).default;
	let zip;
	try {
		zip = await JSZip.loadAsync(bytes);
	} catch {
		throw new ExtractionError('Word-filen är skadad och kan inte läsas.');
	}
	// An honest directory that declares too much is refused without inflating anything.
	const declared = Object.values(zip.files).reduce(
		(sum, file) =>
			sum +
			((file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
		0
	);
	let within = declared <= maxDocxUncompressedBytes;
	try {
		within &&= await inflatesWithin(zip, maxDocxUncompressedBytes);
	} catch {
		throw new ExtractionError('Word-filen är skadad och kan inte läsas.');
	}
	if (!within)
		throw new ExtractionError('Word-filen packas upp till orimligt stor storlek och avvisas.');
	if (!zip.file('word/document.xml'))
		throw new ExtractionError('Filen är inte ett Word-dokument (DOCX).');
	const mammoth = (await import('mammoth')).default;
	let html: string;
	try {
		html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
	} catch {
		throw new ExtractionError('Word-filen är skadad och kan inte läsas.');
	}
	return extractHtml(html);
}

const entities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	shy: ''
};
function htmlToText(html: string): string {
	return html
		.replace(/<(br|\/p|\/div|\/li|\/tr|\/h[1-6])[^>]*>/gi, '\n')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, code: string) => {
			if (code[0] === '#') {
				const n =
					code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
				return Number.isFinite(n) ? String.fromCodePoint(n) : m;
			}
			return entities[code.toLowerCase()] ?? m;
		});
}

/** HTML (also mammoth's output): scripts and styles dropped, one section per h1–h3 heading. */
export function extractHtml(html: string): ExtractedPage[] {
	const cleaned = html
		.replace(/<(script|style|noscript|template)[\s\S]*?<\/\1>/gi, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ');
	const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(cleaned)?.[1] ?? cleaned;
	const parts = body.split(/(?=<h[1-3][\s>])/i);
	const sections: ExtractedPage[] = [];
	for (const part of parts) {
		const heading = /^<h[1-3][^>]*>([\s\S]*?)<\/h[1-3]>/i.exec(part);
		const title = heading ? normalise(htmlToText(heading[1])) : null;
		const text = normalise(htmlToText(heading ? part.slice(heading[0].length) : part));
		if (!text && !title) continue;
		sections.push({ page: sections.length + 1, sectionTitle: title, text: text || (title ?? '') });
	}
	return sections;
}

/** Plain text: sections of about 3 000 characters, split at paragraph breaks. */
export function extractPlainText(text: string, target = 3000): ExtractedPage[] {
	const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
	const sections: ExtractedPage[] = [];
	let current = '';
	for (const p of paragraphs) {
		if (current && current.length + p.length > target) {
			sections.push({ page: sections.length + 1, sectionTitle: null, text: normalise(current) });
			current = '';
		}
		current += (current ? '\n\n' : '') + p;
	}
	if (current.trim())
		sections.push({ page: sections.length + 1, sectionTitle: null, text: normalise(current) });
	return sections;
}
