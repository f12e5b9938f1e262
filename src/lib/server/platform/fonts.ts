/** The embedded fonts (Roboto, shipped with pdfmake): all Swedish characters, used by PDF and PNG. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function robotoDir(): string {
	return join(dirname(require.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
}

export const robotoFiles = {
	normal: 'Roboto-Regular.ttf',
	bold: 'Roboto-Medium.ttf',
	italics: 'Roboto-Italic.ttf',
	bolditalics: 'Roboto-MediumItalic.ttf'
} as const;

/** SVG → PNG with the embedded fonts only (no system fonts, no network). */
export async function svgToPng(svg: string, width = 1200): Promise<Buffer> {
	const { Resvg } = await import('@resvg/resvg-js');
	const dir = robotoDir();
	const resvg = new Resvg(svg, {
		fitTo: { mode: 'width', value: width },
		background: '#ffffff',
		font: {
			loadSystemFonts: false,
			fontFiles: Object.values(robotoFiles).map((f) => join(dir, f)),
			defaultFontFamily: 'Roboto'
		}
	});
	return resvg.render().asPng();
}
