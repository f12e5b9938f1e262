/**
 * Tagged PDF (PDF/UA) for pdfmake 0.3: a thin layer that lets a document definition's nodes carry
 * a structure role and wraps their pdfkit drawing in marked content referenced from a structure
 * tree, using pdfkit's own structure API (`doc.struct`, `markStructureContent`, `addStructure`).
 * pdfmake passes `tagged` and `subset` through to pdfkit but marks no content (pdfmake #942); its
 * layout stays untouched here. Written against pdfmake's prototypes only, with no knowledge of
 * the report, so that it could be offered upstream.
 *
 * What a node may carry, beside pdfmake's own properties:
 * - `tag`: the structure role ('H1', 'P', 'L', 'Table', 'Figure', 'TOC', 'Link', 'Span', …, or
 *   'Artifact' for decoration). Descendants without a tag draw into their nearest tagged
 *   ancestor; a text without a tag directly in a grouping element becomes a 'P'.
 * - `alt` (Figure), `lang` (BCP 47, language of a part; also on a text run inside `text: […]`,
 *   which then becomes a Span with /Lang), `actualText`, `scope` ('Column' | 'Row' for TH).
 *
 * What the layer derives: a `Table` gets a TR per row and TH (header rows, /Scope /Column) or TD
 * cells; an `L` (ul/ol) gets LI → Lbl (the bullet or number) + LBody per item; a `TOC` gets a
 * TOCI → Link per entry, the entry's link annotation referenced from the Link with /Contents.
 * Running headers and footers, backgrounds, the watermark, table rules and canvas lines are
 * artifacts, and so is an `svg` or `image` without a tag (decoration). Every text-showing operator
 * thus ends up inside a marked-content sequence that the structure tree references, or in an
 * artifact.
 *
 * The layer acts only when the definition says `tagged: true`; otherwise pdfmake runs as before.
 */
import { createRequire } from 'node:module';

/* eslint-disable @typescript-eslint/no-explicit-any -- pdfmake's internals are untyped JavaScript */
const require = createRequire(import.meta.url);

/** Roles whose untagged text children become paragraphs. */
const grouping = new Set(['Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'NonStruct']);

class StructNode {
	readonly children: StructNode[] = [];
	readonly artifact: boolean;
	elem: any = null;
	constructor(
		readonly role: string,
		readonly parent: StructNode | null,
		readonly options: {
			alt?: string;
			lang?: string;
			scope?: string;
			actualText?: string;
			artifactType?: string;
		} = {}
	) {
		this.artifact = role === 'Artifact' || (parent?.artifact ?? false);
		parent?.children.push(this);
	}
	/** The language in force here (own or inherited), for deciding when a run needs a Span. */
	get lang(): string | undefined {
		return this.options.lang ?? this.parent?.lang;
	}
	get link(): StructNode | null {
		return this.role === 'Link' ? this : (this.parent?.link ?? null);
	}
}

/** The layout in progress (layout is synchronous; each worker thread has its own module). */
let layout: { root: StructNode; stack: StructNode[]; repeating: number } | null = null;

const top = () => layout!.stack[layout!.stack.length - 1];

/**
 * The layout attempt in progress or last finished. pdfmake lays a document out again when its
 * `pageBreakBefore` callback asks for a break (a heading kept with what follows), reusing the
 * same node, inline and image objects; a mark they kept from an earlier attempt points into a
 * structure tree that was thrown away, so marks count only in the attempt that made them.
 */
let attempt = 0;
const setStruct = (o: any, struct: StructNode) => {
	o._struct = struct;
	o._structAttempt = attempt;
};
const structOf = (o: any): StructNode | undefined =>
	o && o._structAttempt === attempt ? o._struct : undefined;

function openNode(node: any, parent: StructNode): StructNode | null {
	if (parent.artifact) return null;
	if (node._tagInto) return node._tagInto as StructNode;
	const into: StructNode = node._tagParent ?? parent;
	let role: string | undefined = node.tag ?? node._tagDefault;
	if (!role && (node.svg || node.image || node.canvas || node.qr)) role = 'Artifact';
	if (!role && node.text !== undefined && grouping.has(into.role)) role = 'P';
	if (!role) return null;
	const struct = new StructNode(role, into, {
		alt: node.alt,
		lang: node.lang,
		scope: node.scope,
		actualText: node.actualText,
		artifactType: node.artifactType
	});
	if (role === 'Table' && node.table) prepareTable(node, struct);
	if (role === 'L' && (node.ul || node.ol)) prepareList(node, struct);
	if (role === 'TOC' && node.toc) prepareToc(node, struct);
	return struct;
}

function prepareTable(node: any, table: StructNode) {
	const headerRows = node.table.headerRows ?? 0;
	node.table.body.forEach((row: any[], r: number) => {
		const tr = new StructNode('TR', table);
		for (const cell of row) {
			if (!cell || typeof cell !== 'object' || cell._span) continue;
			cell._tagParent = tr;
			cell._tagDefault = r < headerRows ? 'TH' : 'TD';
			if (r < headerRows && !cell.scope && !cell.tag) cell.scope = 'Column';
		}
	});
}

function prepareList(node: any, list: StructNode) {
	for (const item of node.ul ?? node.ol) {
		if (!item || typeof item !== 'object') continue;
		const li = new StructNode('LI', list);
		const lbl = new StructNode('Lbl', li);
		item._tagParent = li;
		item._tagDefault = 'LBody';
		const marker = item.listMarker;
		for (const inline of marker?._inlines ?? []) setStruct(inline, lbl);
		for (const vector of marker?.canvas ?? []) {
			setStruct(vector, lbl);
			vector._tagged = true;
		}
	}
}

function prepareToc(node: any, toc: StructNode) {
	for (const row of node.toc._table?.table?.body ?? []) {
		const link = new StructNode('Link', new StructNode('TOCI', toc));
		for (const cell of row) if (cell && typeof cell === 'object') cell._tagInto = link;
	}
}

let installed = false;

/** Patches pdfmake's prototypes once; inert for documents that are not `tagged`. */
export function installPdfTagging(): void {
	if (installed) return;
	installed = true;
	const LayoutBuilder = require('pdfmake/js/LayoutBuilder').default;
	const ElementWriter = require('pdfmake/js/ElementWriter').default;
	const PageElementWriter = require('pdfmake/js/PageElementWriter').default;
	const Renderer = require('pdfmake/js/Renderer').default;

	// Layout: every node opens its structure element while pdfmake lays it out, and every item it
	// puts on a page is stamped with the element it belongs to.
	const tryLayout = LayoutBuilder.prototype.tryLayoutDocument;
	LayoutBuilder.prototype.tryLayoutDocument = function (this: any, ...args: any[]) {
		const pdfDocument = args[1];
		if (!pdfDocument?.options?.tagged) return tryLayout.apply(this, args);
		const root = new StructNode('Document', null, { lang: pdfDocument.options.lang });
		attempt++;
		layout = { root, stack: [root], repeating: 0 };
		try {
			const result = tryLayout.apply(this, args);
			pdfDocument._structureRoot = root;
			return result;
		} finally {
			layout = null;
		}
	};
	const processNode = LayoutBuilder.prototype.processNode;
	LayoutBuilder.prototype.processNode = function (this: any, node: any, ...rest: any[]) {
		if (!layout) return processNode.call(this, node, ...rest);
		const struct = openNode(node, top());
		if (struct) layout.stack.push(struct);
		try {
			return processNode.call(this, node, ...rest);
		} finally {
			if (struct) layout.stack.pop();
		}
	};
	const asArtifact = (name: string, type: string) => {
		const original = LayoutBuilder.prototype[name];
		LayoutBuilder.prototype[name] = function (this: any, ...args: any[]) {
			if (!layout) return original.apply(this, args);
			layout.stack.push(new StructNode('Artifact', null, { artifactType: type }));
			try {
				return original.apply(this, args);
			} finally {
				layout.stack.pop();
			}
		};
	};
	asArtifact('addHeadersAndFooters', 'Pagination');
	asArtifact('addBackground', 'Background');
	const stamp = (name: string) => {
		const original = ElementWriter.prototype[name];
		ElementWriter.prototype[name] = function (this: any, item: any, ...rest: any[]) {
			if (layout && item && structOf(item) === undefined) setStruct(item, top());
			return original.call(this, item, ...rest);
		};
	};
	for (const name of ['addLine', 'addImage', 'addSVG', 'addAttachment']) stamp(name);
	// A table's header rows repeated on a later page are drawn again: artifacts there.
	const moveToNextPage = PageElementWriter.prototype.moveToNextPage;
	PageElementWriter.prototype.moveToNextPage = function (this: any, ...args: any[]) {
		if (layout) layout.repeating++;
		try {
			return moveToNextPage.apply(this, args);
		} finally {
			if (layout) layout.repeating--;
		}
	};
	const addFragment = ElementWriter.prototype.addFragment;
	ElementWriter.prototype.addFragment = function (this: any, ...args: any[]) {
		if (!layout?.repeating) return addFragment.apply(this, args);
		const page = this.context().getCurrentPage();
		const before = page.items.length;
		const result = addFragment.apply(this, args);
		const repeated = new StructNode('Artifact', null, { artifactType: 'Pagination' });
		for (const entry of page.items.slice(before)) {
			setStruct(entry.item, repeated);
			// Line.clone() is shallow: the inlines are the first page's own objects, which must
			// stay in their TH. The repeat gets copies.
			if (entry.item.inlines)
				entry.item.inlines = entry.item.inlines.map((inline: any) => {
					const copy = { ...inline };
					setStruct(copy, repeated);
					return copy;
				});
		}
		return result;
	};

	// Rendering: the structure tree is built once, then each item is drawn inside the marked
	// content of its element (consecutive items of one element share one sequence).
	const renderPages = Renderer.prototype.renderPages;
	Renderer.prototype.renderPages = function (this: any, pages: any[]) {
		const doc = this.pdfDocument;
		const root: StructNode | undefined = doc._structureRoot;
		if (!root) return renderPages.call(this, pages);
		const marks = new Marks(doc, root);
		// Own methods on this renderer instance shadow the prototype's for this document only.
		const around = (name: string, target: (item: any) => Target) => {
			const original = Renderer.prototype[name];
			this[name] = (item: any, ...rest: any[]) => {
				marks.enter(target(item));
				return original.call(this, item, ...rest);
			};
		};
		around('renderVector', (v) => {
			const struct = structOf(v);
			return v._tagged && struct && !struct.artifact
				? marks.content(struct)
				: { artifact: 'Layout' };
		});
		around('renderImage', (i) => marks.figure(structOf(i)));
		around('renderSVG', (s) => marks.figure(structOf(s)));
		around('renderAttachment', () => ({ artifact: 'Layout' }));
		around('renderWatermark', () => ({ artifact: 'Pagination' }));
		// A line's runs may belong to different elements (a list's number, a Span in another
		// language): pdfmake draws each run with one doc.text call, so the marks follow those calls.
		const renderLine = Renderer.prototype.renderLine;
		this.renderLine = (line: any, x: number, y: number) => {
			const inlines = line.inlines ?? [];
			if (!inlines.length) return renderLine.call(this, line, x, y);
			marks.enter(marks.inline(line, inlines[0]));
			const text = doc.text;
			let i = 0;
			doc.text = function (this: any, ...args: any[]) {
				const inline = inlines[i++];
				if (inline) {
					marks.enter(marks.inline(line, inline));
					marks.linkText = String(inline.text ?? '');
				}
				return text.apply(this, args);
			};
			try {
				return renderLine.call(this, line, x, y);
			} finally {
				doc.text = text;
			}
		};
		const addPage = doc.addPage;
		doc.addPage = function (this: any, ...args: any[]) {
			marks.close();
			return addPage.apply(this, args);
		};
		const annotate = doc.annotate;
		doc.annotate = function (this: any, x: number, y: number, w: number, h: number, options: any) {
			const link = marks.current?.link;
			if (options?.Subtype === 'Link' && link?.elem) {
				options.structParent = link.elem;
				if (options.Contents === undefined) options.Contents = new String(marks.linkText);
			}
			return annotate.call(this, x, y, w, h, options);
		};
		try {
			return renderPages.call(this, pages);
		} finally {
			marks.close();
			doc.addPage = addPage;
			doc.annotate = annotate;
		}
	};
}

type Target =
	{ artifact: string } | { struct: StructNode; tag: string; lang?: string; actual?: string };

/** The open marked-content sequence of the page being drawn, and the tree's pdfkit elements. */
class Marks {
	private key: string | null = null;
	current: StructNode | null = null;
	linkText = '';
	private ids = new Map<StructNode, number>();

	constructor(
		private doc: any,
		private root: StructNode
	) {
		doc.addStructure(this.build(root));
	}

	private build(node: StructNode): any {
		const o = node.options;
		node.elem = this.doc.struct(node.role, {
			...(o.alt ? { alt: o.alt } : {}),
			...(o.lang && node !== this.root ? { lang: o.lang } : {}),
			...(o.scope ? { scope: o.scope } : {}),
			...(o.actualText ? { actual: o.actualText } : {})
		});
		this.ids.set(node, this.ids.size);
		for (const child of node.children) if (!child.artifact) node.elem.add(this.build(child));
		return node.elem;
	}

	content(struct: StructNode): Target {
		return { struct, tag: struct.role };
	}

	figure(struct: StructNode | undefined): Target {
		return !struct || struct.artifact
			? { artifact: struct?.options.artifactType ?? 'Layout' }
			: { struct, tag: struct.role };
	}

	inline(line: any, inline: any): Target {
		const struct: StructNode = structOf(inline) ?? structOf(line) ?? this.root;
		if (struct.artifact) return { artifact: this.artifactType(struct) };
		if (inline.lang && inline.lang !== struct.lang)
			return { struct, tag: 'Span', lang: inline.lang };
		return { struct, tag: struct.role };
	}

	private artifactType(struct: StructNode): string {
		for (let s: StructNode | null = struct; s; s = s.parent)
			if (s.options.artifactType) return s.options.artifactType;
		return 'Layout';
	}

	enter(target: Target) {
		const key =
			'artifact' in target
				? `artifact:${target.artifact}`
				: `${this.ids.get(target.struct)}:${target.tag}:${target.lang ?? ''}`;
		if (key === this.key) return;
		this.close();
		if ('artifact' in target) {
			this.doc.markContent('Artifact', { type: target.artifact });
			this.current = null;
		} else {
			const options: Record<string, string> = {};
			if (target.lang) options.lang = target.lang;
			const content = this.doc.markStructureContent(target.tag, options);
			target.struct.elem.add(content);
			this.current = target.struct;
		}
		this.key = key;
	}

	close() {
		if (this.key === null) return;
		this.doc.endMarkedContent();
		this.key = null;
		this.current = null;
	}
}
