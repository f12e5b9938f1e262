/**
 * Horizontal bar geometry (achieved against max, with an optional reference such as the
 * national average). d3 computes; the Svelte chart and the PDF's SVG draw the same numbers.
 */
import { scaleLinear } from 'd3-scale';

export interface BarInput {
	id: string;
	label: string;
	value: number | null;
	max: number;
	/** e.g. the national average for the same item */
	reference?: number | null;
	/** Evaluations behind `reference` when it is an average (null: too few of them). */
	referenceN?: number;
}

export interface BarGeometry {
	width: number;
	height: number;
	labelWidth: number;
	plotWidth: number;
	rows: {
		id: string;
		label: string;
		y: number;
		barHeight: number;
		valueWidth: number;
		maxWidth: number;
		referenceX: number | null;
		value: number | null;
		max: number;
		reference: number | null;
		valueLabel: string;
	}[];
	ticks: { x: number; label: string }[];
}

/** Bars on one scale from 0 to the largest max, so lengths are comparable in points. */
export function barGeometry(
	items: BarInput[],
	options: { width?: number; rowHeight?: number; labelWidth?: number } = {}
): BarGeometry {
	const width = options.width ?? 640;
	const rowHeight = options.rowHeight ?? 28;
	const labelWidth = options.labelWidth ?? 240;
	const plotWidth = width - labelWidth - 60;
	const top = 20;
	const scaleMax = Math.max(1, ...items.map((i) => i.max));
	const x = scaleLinear().domain([0, scaleMax]).range([0, plotWidth]);
	return {
		width,
		height: top + items.length * rowHeight + 8,
		labelWidth,
		plotWidth,
		rows: items.map((item, i) => ({
			id: item.id,
			label: item.label,
			y: top + i * rowHeight,
			barHeight: rowHeight * 0.6,
			valueWidth: item.value === null ? 0 : x(item.value),
			maxWidth: x(item.max),
			referenceX:
				item.reference === null || item.reference === undefined ? null : x(item.reference),
			value: item.value,
			max: item.max,
			reference: item.reference ?? null,
			valueLabel: item.value === null ? '–' : `${item.value}/${item.max}`
		})),
		ticks: x.ticks(5).map((t) => ({ x: x(t), label: String(t) }))
	};
}

const escapeXml = (text: string) =>
	text.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string
	);
const r = (n: number) => Math.round(n * 10) / 10;

/** A standalone SVG of the bars (downloads and the PDF report). */
export function barsSvg(
	g: BarGeometry,
	options: {
		title?: string;
		referenceLabel?: string;
		/** The legend's name of the bars, in the reader's language. */
		valueLabel?: string;
		fontFamily?: string;
	} = {}
): string {
	const font = options.fontFamily ?? 'Roboto, Arial, sans-serif';
	const legend = options.referenceLabel ? 24 : 0;
	const height = g.height + legend;
	const parts = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${height}" width="${g.width}" height="${height}" font-family="${font}">`,
		options.title ? `<title>${escapeXml(options.title)}</title>` : '',
		`<rect width="${g.width}" height="${height}" fill="#ffffff"/>`
	];
	for (const t of g.ticks) {
		parts.push(
			`<line x1="${r(g.labelWidth + t.x)}" y1="14" x2="${r(g.labelWidth + t.x)}" y2="${g.height - 6}" stroke="#e1e5ea"/>`
		);
		parts.push(
			`<text x="${r(g.labelWidth + t.x)}" y="10" font-size="9" text-anchor="middle" fill="#4a4f57">${t.label}</text>`
		);
	}
	for (const row of g.rows) {
		const cy = row.y + row.barHeight / 2;
		parts.push(
			`<text x="${g.labelWidth - 6}" y="${r(cy)}" font-size="10" text-anchor="end" dominant-baseline="middle" fill="#1b1b1f">${escapeXml(row.label)}</text>`
		);
		parts.push(
			`<rect x="${g.labelWidth}" y="${row.y}" width="${r(row.maxWidth)}" height="${r(row.barHeight)}" fill="#e8edf3" stroke="#c5cbd3"/>`
		);
		parts.push(
			`<rect x="${g.labelWidth}" y="${row.y}" width="${r(row.valueWidth)}" height="${r(row.barHeight)}" fill="#0072B2"/>`
		);
		if (row.referenceX !== null) {
			parts.push(
				`<line x1="${r(g.labelWidth + row.referenceX)}" y1="${row.y - 3}" x2="${r(g.labelWidth + row.referenceX)}" y2="${r(row.y + row.barHeight + 3)}" stroke="#D55E00" stroke-width="2.5" stroke-dasharray="3 1.5"/>`
			);
		}
		parts.push(
			`<text x="${r(g.labelWidth + row.maxWidth + 6)}" y="${r(cy)}" font-size="10" dominant-baseline="middle" fill="#1b1b1f">${escapeXml(row.valueLabel)}</text>`
		);
	}
	if (options.referenceLabel) {
		const y = g.height + 10;
		parts.push(
			`<rect x="${g.labelWidth}" y="${y - 5}" width="14" height="10" fill="#0072B2"/><text x="${g.labelWidth + 20}" y="${y}" font-size="10" dominant-baseline="middle">${escapeXml(options.valueLabel ?? '')}</text>`
		);
		parts.push(
			`<line x1="${g.labelWidth + 90}" y1="${y - 6}" x2="${g.labelWidth + 90}" y2="${y + 6}" stroke="#D55E00" stroke-width="2.5" stroke-dasharray="3 1.5"/><text x="${g.labelWidth + 98}" y="${y}" font-size="10" dominant-baseline="middle">${escapeXml(options.referenceLabel)}</text>`
		);
	}
	parts.push('</svg>');
	return parts.join('');
}
