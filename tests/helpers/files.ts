/** Real test files made in the test set-up: PDFs with pdfmake, DOCX with jszip. */
import JSZip from 'jszip';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { constants as zlibConstants, crc32, deflateRawSync } from 'node:zlib';
import { robotoDir, robotoFiles } from '../../src/lib/server/platform/fonts';

const require = createRequire(import.meta.url);

/** A PDF with one page per entry, selectable text (or none: an image-only "scan"). */
export async function makePdf(
	pages: string[],
	options: { textLayer?: boolean } = {}
): Promise<Uint8Array> {
	const pdfmake = require('pdfmake');
	const dir = robotoDir();
	pdfmake.addFonts({
		Roboto: Object.fromEntries(Object.entries(robotoFiles).map(([k, f]) => [k, join(dir, f)]))
	});
	pdfmake.setUrlAccessPolicy(() => false);
	pdfmake.setLocalAccessPolicy((path: string) => path.startsWith(dir));
	const content = pages.map((text, i) =>
		options.textLayer === false
			? {
					svg: '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#888"/></svg>',
					pageBreak: i < pages.length - 1 ? 'after' : undefined
				}
			: { text, pageBreak: i < pages.length - 1 ? 'after' : undefined }
	);
	return new Uint8Array(
		await pdfmake.createPdf({ content, defaultStyle: { font: 'Roboto' } }).getBuffer()
	);
}

const docxXml = (
	paragraphs: { text: string; heading?: boolean }[]
) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
	.map(
		(p) =>
			`<w:p>${p.heading ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : ''}<w:r><w:t xml:space="preserve">${p.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`
	)
	.join('')}</w:body></w:document>`;

/** A minimal but valid DOCX (content types, relationships, document, heading style). */
export async function makeDocx(
	paragraphs: { text: string; heading?: boolean }[],
	extra?: { name: string; bytes: Uint8Array }
): Promise<Uint8Array> {
	const zip = new JSZip();
	zip.file(
		'[Content_Types].xml',
		'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'
	);
	zip.file(
		'_rels/.rels',
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
	);
	zip.file(
		'word/_rels/document.xml.rels',
		'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
	);
	zip.file(
		'word/styles.xml',
		'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>'
	);
	zip.file('word/document.xml', docxXml(paragraphs));
	if (extra) zip.file(extra.name, extra.bytes);
	return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/**
 * A DOCX whose `word/document.xml` declares `declaredSize` bytes in the zip directory but
 * inflates to `inflatedMb` MiB: a zip bomb that lies about its size. Small on disk (about 1 KiB
 * per inflated MiB): the deflate stream repeats one self-contained, fully flushed block.
 */
export function makeLyingDocx(inflatedMb: number, declaredSize = 1000): Uint8Array {
	const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), {
		finishFlush: zlibConstants.Z_FULL_FLUSH
	});
	const bomb = Buffer.concat([...Array(inflatedMb).fill(block), Buffer.from([0x03, 0x00])]);
	const stored = (text: string) => Buffer.from(text, 'utf8');
	const entries = [
		{
			name: '[Content_Types].xml',
			method: 0,
			data: stored(
				'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
			),
			size: 0,
			crc: 0
		},
		{
			name: '_rels/.rels',
			method: 0,
			data: stored(
				'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
			),
			size: 0,
			crc: 0
		},
		{ name: 'word/document.xml', method: 8, data: bomb, size: declaredSize, crc: 0 }
	].map((e) => (e.method === 0 ? { ...e, size: e.data.length, crc: crc32(e.data) } : e));
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const e of entries) {
		const name = Buffer.from(e.name, 'utf8');
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(e.method, 8);
		local.writeUInt32LE(e.crc, 14);
		local.writeUInt32LE(e.data.length, 18);
		local.writeUInt32LE(e.size, 22);
		local.writeUInt16LE(name.length, 26);
		locals.push(local, name, e.data);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(e.method, 10);
		central.writeUInt32LE(e.crc, 16);
		central.writeUInt32LE(e.data.length, 20);
		central.writeUInt32LE(e.size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		centrals.push(central, name);
		offset += 30 + name.length + e.data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
