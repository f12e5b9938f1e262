/**
 * pdfmake 0.3, locked down: embedded Roboto (all Swedish characters, selectable text), no URL or
 * local file access beyond the fonts. Made once per process (or worker thread).
 */
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { robotoDir, robotoFiles } from '../platform/fonts';
import { installPdfTagging } from './pdf-tagging';

const require = createRequire(import.meta.url);
type PdfMake = {
	addFonts: (fonts: Record<string, Record<string, string>>) => void;
	setUrlAccessPolicy: (cb: (url: string) => boolean) => void;
	setLocalAccessPolicy: (cb: (path: string) => boolean) => void;
	createPdf: (dd: unknown) => { getBuffer: () => Promise<Buffer> };
};

let instance: PdfMake | null = null;

function pdfmake(): PdfMake {
	if (instance) return instance;
	const pm = require('pdfmake') as PdfMake;
	const dir = robotoDir();
	const fontPaths = Object.fromEntries(
		Object.entries(robotoFiles).map(([style, file]) => [style, join(dir, file)])
	);
	// Real paths (the SVG renderer opens fonts from disk), and only these may be read.
	const allowed = new Set(Object.values(fontPaths));
	pm.addFonts({ Roboto: fontPaths });
	// Locked down: a document may fetch no URL and read no file except the fonts above.
	pm.setUrlAccessPolicy(() => false);
	pm.setLocalAccessPolicy((path) => allowed.has(path));
	// Definitions with `tagged: true` get a structure tree and marked content (pdf-tagging.ts).
	installPdfTagging();
	instance = pm;
	return pm;
}

/** Renders a pdfmake document definition to the PDF's bytes. */
export function renderPdf(docDefinition: unknown): Promise<Buffer> {
	return pdfmake().createPdf(docDefinition).getBuffer();
}
