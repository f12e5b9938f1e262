/**
 * Adds one untagged line of text to the first page of a PDF, the way a careless renderer would:
 * an incremental update with a second content stream `BT … Tj ET` outside any marked content.
 * For the checker's own test (it must notice). Expects pdfkit's uncompressed page dictionaries.
 */
export function withUntaggedLine(bytes: Uint8Array): Uint8Array {
	const pdf = Buffer.from(bytes).toString('latin1');
	const page = /(\d+) 0 obj\n<<\n\/Type \/Page\n([\s\S]*?)>>\nendobj/.exec(pdf);
	if (!page) throw new Error('no page dictionary');
	const [, pageId, body] = page;
	const contents = /\/Contents (\d+) 0 R/.exec(body)![1];
	const resources = /\/Resources (\d+) 0 R/.exec(body)![1];
	const font = new RegExp(`${resources} 0 obj\\n<<[\\s\\S]*?/Font <<\\n/(F\\d+)`).exec(pdf)![1];
	const size = Number(/\/Size (\d+)/.exec(pdf.slice(pdf.lastIndexOf('trailer')))![1]);
	const root = /\/Root (\d+ 0 R)/.exec(pdf.slice(pdf.lastIndexOf('trailer')))![1];
	const prev = Number(/startxref\s+(\d+)/.exec(pdf.slice(pdf.lastIndexOf('startxref')))![1]);
	const stream = `BT /${font} 12 Tf 72 72 Td <0001000200030004> Tj ET`;
	const added = [
		`${size} 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`,
		`${pageId} 0 obj\n<<\n/Type /Page\n${body.replace(`/Contents ${contents} 0 R`, `/Contents [${contents} 0 R ${size} 0 R]`)}>>\nendobj\n`
	];
	let offset = pdf.length + 1;
	const offsets: number[] = [];
	for (const o of added) {
		offsets.push(offset);
		offset += o.length;
	}
	const entry = (n: number) => `${String(n).padStart(10, '0')} 00000 n \n`;
	const xref = `xref\n${pageId} 1\n${entry(offsets[1])}${size} 1\n${entry(offsets[0])}`;
	const trailer = `trailer\n<< /Size ${size + 1} /Root ${root} /Prev ${prev} >>\nstartxref\n${offset}\n%%EOF\n`;
	return new Uint8Array(Buffer.from(`${pdf}\n${added.join('')}${xref}${trailer}`, 'latin1'));
}
