/** Real test files made in the test set-up: PDFs with pdfmake, DOCX with jszip. */
import JSZip from 'jszip';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { robotoDir, robotoFiles } from '../../src/lib/server/fonts';

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
