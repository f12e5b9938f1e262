/**
 * A PDF/UA-1 checker for the machine-checkable items of the Matterhorn Protocol that the report
 * must meet (veraPDF is not available here). It reads the PDF the way an assistive technology
 * does, through pdf.js (bundled in unpdf): the structure tree of every page, every operator of
 * every content stream, the catalog's language and viewer preferences, the XMP metadata. The raw
 * bytes are read only for what pdf.js does not expose (/Tabs, /ParentTree, /MarkInfo); the
 * report's pdfkit writes those dictionaries uncompressed.
 *
 * It answers a list of failures (empty = passes) and the structure tree as text.
 */
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf';

export interface StructNode {
	role: string;
	alt?: string;
	lang?: string;
	children: (StructNode | { type: 'content' | 'object' | 'annotation'; id: string })[];
}

export interface PdfUaReport {
	failures: string[];
	/** Roles of the merged structure tree in reading order, one line each, indented by depth. */
	outline: string[];
	roles: Set<string>;
	pages: number;
}

// pdf.js 5 transfers buffers with ArrayBuffer.prototype.transferToFixedLength (Node 21+); on Node
// 20 its operator lists of pages with images would otherwise come back empty.
const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: unknown };
if (typeof proto.transferToFixedLength !== 'function')
	Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
		configurable: true,
		value(this: ArrayBuffer, length = this.byteLength) {
			const copy = new ArrayBuffer(length);
			new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
			return copy;
		}
	});

const textOps = ['showText', 'showSpacedText', 'nextLineShowText', 'nextLineSetSpacingShowText'];

type Item = {
	role?: string;
	alt?: string;
	lang?: string;
	children?: Item[];
	type?: string;
	id?: string;
};

export async function checkPdfUa(
	bytes: Uint8Array,
	expect: {
		lang: string;
		title?: string;
		partLang?: string;
		/** The roles the document must use: the report's by default (a short appendix has fewer). */
		roles?: string[];
		/** Bookmarks are expected of the report; a one- or two-page appendix needs none. */
		bookmarks?: boolean;
	}
): Promise<PdfUaReport> {
	const failures: string[] = [];
	const raw = Buffer.from(bytes).toString('latin1');
	const pdfjs = await getResolvedPDFJS();
	const OPS = pdfjs.OPS as Record<string, number>;
	const opName = new Map(Object.entries(OPS).map(([k, v]) => [v, k]));
	const doc = await getDocumentProxy(new Uint8Array(bytes));

	// 1. Identification and metadata (Matterhorn 06, 07, 11, 01-005).
	const markInfo = await doc.getMarkInfo();
	if (!markInfo?.Marked) failures.push('catalog: /MarkInfo /Marked is not true');
	if (!/\/StructTreeRoot \d+ 0 R/.test(raw)) failures.push('catalog: no /StructTreeRoot');
	if (!/\/ParentTree\b/.test(raw)) failures.push('structure tree root: no /ParentTree');
	const meta = await doc.getMetadata();
	const info = meta.info as Record<string, unknown>;
	if (info.Language !== expect.lang)
		failures.push(`catalog: /Lang is ${String(info.Language)}, expected ${expect.lang}`);
	const prefs = (await doc.getViewerPreferences()) as Record<string, unknown> | null;
	if (prefs?.DisplayDocTitle !== true)
		failures.push('catalog: /ViewerPreferences /DisplayDocTitle is not true');
	const xmp = meta.metadata;
	const dcTitle = xmp?.get('dc:title');
	if (!dcTitle) failures.push('XMP: no dc:title');
	else if (expect.title && dcTitle !== expect.title)
		failures.push(`XMP: dc:title is "${dcTitle}", expected "${expect.title}"`);
	if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp?.getRaw?.() ?? raw))
		failures.push('XMP: no pdfuaid:part 1');
	const tabs = raw.match(/\/Type \/Page\n[\s\S]*?>>\nendobj/g) ?? [];
	const withoutTabs = tabs.filter((p) => !/\/Tabs \/S\b/.test(p)).length;
	if (tabs.length === 0 || withoutTabs > 0)
		failures.push(`pages: ${withoutTabs} of ${tabs.length} page(s) lack /Tabs /S`);
	if (!/\/FontFile2? \d+ 0 R/.test(raw) || /\/BaseFont \/(Helvetica|Times|Courier)/.test(raw))
		failures.push('fonts: not every font is embedded');
	const outline = await doc.getOutline();
	if (expect.bookmarks !== false && !outline?.length) failures.push('outlines: no bookmarks');

	// 2. The structure tree and the content streams, page by page (Matterhorn 01, 13, 14, 15, 28).
	const allRoles = new Set<string>();
	const lines: string[] = [];
	let sawPartLang = false;
	let headingLevels: number[] = [];
	let untagged = 0;
	const links: string[] = [];
	let figuresWithoutAlt = 0;
	let tables = 0;
	let tablesWithTh = 0;
	let texts = new Map<string, string>();
	const leafText = (node: Item) => {
		const text = (node.children ?? [])
			.map((c) => (c.type === 'content' && c.id ? (texts.get(c.id) ?? '') : ''))
			.join('')
			.replace(/\s+/g, ' ')
			.trim();
		return text ? ` "${text.length > 50 ? `${text.slice(0, 50)}…` : text}"` : '';
	};
	const walk = (node: Item, depth: number, ids: Set<string>) => {
		if (node.type) {
			if (node.id) ids.add(node.id);
			return;
		}
		const role = node.role ?? '?';
		allRoles.add(role);
		if (role !== 'Root')
			lines.push(
				`${'  '.repeat(Math.max(0, depth - 1))}${role}${node.lang ? ` [${node.lang}]` : ''}${node.alt ? ` alt="${node.alt.length > 60 ? `${node.alt.slice(0, 60)}…` : node.alt}"` : ''}${leafText(node)}`
			);
		if (node.lang === expect.partLang) sawPartLang = true;
		if (role === 'Figure' && !node.alt?.trim()) figuresWithoutAlt++;
		if (role === 'Table') {
			tables++;
			if (JSON.stringify(node).includes('"role":"TH"')) tablesWithTh++;
		}
		const h = /^H([1-6])$/.exec(role);
		if (h) headingLevels.push(Number(h[1]));
		for (const c of node.children ?? []) walk(c, depth + 1, ids);
	};
	for (let p = 1; p <= doc.numPages; p++) {
		const page = await doc.getPage(p);
		const tree = (await page.getStructTree()) as Item | null;
		texts = new Map();
		const current: string[] = [];
		const content = await page.getTextContent({ includeMarkedContent: true });
		for (const item of content.items as { type?: string; id?: string; str?: string }[]) {
			if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
				current.push(item.id ?? '');
			else if (item.type === 'endMarkedContent') current.pop();
			else if (item.str !== undefined) {
				const id = current.findLast(Boolean);
				if (id) texts.set(id, (texts.get(id) ?? '') + item.str);
			}
		}
		const ids = new Set<string>();
		lines.push(`— page ${p} —`);
		if (tree) walk(tree, 0, ids);
		const { fnArray, argsArray } = await page.getOperatorList();
		const stack: { artifact: boolean; mcid: boolean }[] = [];
		for (let i = 0; i < fnArray.length; i++) {
			const name = opName.get(fnArray[i]);
			if (name === 'beginMarkedContent') {
				stack.push({ artifact: argsArray[i]?.[0] === 'Artifact', mcid: false });
			} else if (name === 'beginMarkedContentProps') {
				const [tag, props] = argsArray[i] as [string, unknown];
				const mcid = typeof props === 'number' ? props : (props as { mcid?: number })?.mcid;
				stack.push({ artifact: tag === 'Artifact', mcid: typeof mcid === 'number' });
				if (typeof mcid === 'number' && tag !== 'Artifact') {
					const ref = [...ids].find((id) => id.endsWith(`_mc${mcid}`));
					if (!ref) failures.push(`page ${p}: MCID ${mcid} is not in the structure tree`);
				}
			} else if (name === 'endMarkedContent') {
				stack.pop();
			} else if (name && textOps.includes(name)) {
				if (!stack.some((m) => m.artifact || m.mcid)) untagged++;
			}
		}
		for (const a of (await page.getAnnotations()) as {
			subtype?: string;
			structParent?: number;
			contentsObj?: { str?: string };
		}[]) {
			if (a.subtype === 'Link' && !(typeof a.structParent === 'number' && a.structParent >= 0))
				links.push(`page ${p}: a Link annotation outside the structure tree`);
			if (a.subtype === 'Link' && !a.contentsObj?.str)
				links.push(`page ${p}: a Link annotation without /Contents`);
		}
		page.cleanup();
	}
	failures.push(...links.slice(0, 5));
	if (untagged)
		failures.push(
			`content: ${untagged} text-showing operator(s) outside tagged content and artifacts`
		);
	for (const role of expect.roles ?? [
		'Document',
		'H1',
		'H2',
		'P',
		'L',
		'LI',
		'Lbl',
		'LBody',
		'Table',
		'TR',
		'TH',
		'TD',
		'Figure',
		'TOC',
		'TOCI'
	])
		if (!allRoles.has(role)) failures.push(`structure: no ${role} element`);
	if (figuresWithoutAlt) failures.push(`structure: ${figuresWithoutAlt} Figure(s) without /Alt`);
	if (tables && tablesWithTh < tables)
		failures.push(`structure: ${tables - tablesWithTh} Table(s) without TH`);
	if (expect.partLang && !sawPartLang)
		failures.push(`structure: no element in ${expect.partLang} (language of parts)`);
	if (headingLevels.length && headingLevels[0] !== 1)
		failures.push('structure: the first heading is not H1');
	for (let i = 1; i < headingLevels.length; i++)
		if (headingLevels[i] > headingLevels[i - 1] + 1) {
			failures.push(
				`structure: heading level skips from H${headingLevels[i - 1]} to H${headingLevels[i]}`
			);
			break;
		}
	headingLevels = [];
	await doc.destroy();
	return { failures, outline: lines, roles: allRoles, pages: tabs.length };
}
