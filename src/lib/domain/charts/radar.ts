/**
 * Radar profile geometry: d3 computes, the caller draws. The Svelte chart on the web pages, the
 * SVG download and the PDF report all render this same geometry (see `radarSvg`).
 */
import { scaleLinear } from 'd3-scale';
import { lineRadial, curveLinearClosed } from 'd3-shape';

export interface RadarAxis {
	id: string;
	label: string;
	/** Points of the axis's maximum (100 for every Kommunkompassen area). */
	max: number;
}

export interface RadarSeriesInput {
	id: string;
	label: string;
	/** Axis id → value; a missing value leaves a gap drawn at the centre and is marked. */
	values: Record<string, number | null | undefined>;
}

export interface RadarOptions {
	/** Width and height of the square drawing, in SVG units. */
	size?: number;
	/** Space for the axis labels around the plot. */
	margin?: number;
	/** Grid rings as shares of the max. */
	rings?: number[];
}

export interface RadarGeometry {
	size: number;
	center: number;
	radius: number;
	axes: {
		id: string;
		label: string;
		angle: number;
		x: number;
		y: number;
		labelX: number;
		labelY: number;
		/** The label broken into lines of at most ~22 characters, so long titles stay inside. */
		labelLines: string[];
		/** Offset of the first line (SVG units, 13 per line) so labels grow away from the plot. */
		labelFirstDy: number;
		anchor: 'start' | 'middle' | 'end';
	}[];
	rings: { share: number; path: string; labelY: number; label: string }[];
	series: {
		id: string;
		label: string;
		path: string;
		points: { axisId: string; x: number; y: number; value: number | null }[];
		complete: boolean;
	}[];
}

/** Angles start at 12 o'clock and go clockwise, as in SKR's reports. */
export function radarGeometry(
	axes: RadarAxis[],
	series: RadarSeriesInput[],
	options: RadarOptions = {}
): RadarGeometry {
	const size = options.size ?? 480;
	const margin = options.margin ?? 110;
	const center = size / 2;
	const radius = center - margin;
	const rings = options.rings ?? [0.2, 0.4, 0.6, 0.8, 1];
	const r = scaleLinear().domain([0, 1]).range([0, radius]).clamp(true);
	const angleOf = (i: number) => (2 * Math.PI * i) / axes.length;
	const polar = (angle: number, distance: number) => ({
		x: center + distance * Math.sin(angle),
		y: center - distance * Math.cos(angle)
	});
	const radial = lineRadial<number>()
		.angle((_, i) => angleOf(i))
		.radius((share) => r(share))
		.curve(curveLinearClosed);
	const translate = (path: string | null) => (path ? shiftPath(path, center) : '');

	return {
		size,
		center,
		radius,
		axes: axes.map((axis, i) => {
			const angle = angleOf(i);
			const end = polar(angle, radius);
			const label = polar(angle, radius + 14);
			const sin = Math.sin(angle);
			return {
				id: axis.id,
				label: axis.label,
				angle,
				x: end.x,
				y: end.y,
				labelX: label.x,
				labelY: label.y,
				labelLines: wrapLabel(axis.label),
				labelFirstDy: firstLineOffset(Math.cos(angle), wrapLabel(axis.label).length),
				anchor: Math.abs(sin) < 0.2 ? 'middle' : sin > 0 ? 'start' : 'end'
			};
		}),
		rings: rings.map((share) => ({
			share,
			path: translate(radial(axes.map(() => share))),
			labelY: center - r(share),
			label: String(Math.round(share * (axes[0]?.max ?? 100)))
		})),
		series: series.map((s) => {
			const shares = axes.map((axis) => {
				const value = s.values[axis.id];
				return typeof value === 'number' ? value / axis.max : 0;
			});
			return {
				id: s.id,
				label: s.label,
				path: translate(radial(shares)),
				points: axes.map((axis, i) => {
					const value = s.values[axis.id];
					const p = polar(angleOf(i), r(shares[i]));
					return {
						axisId: axis.id,
						x: p.x,
						y: p.y,
						value: typeof value === 'number' ? value : null
					};
				}),
				complete: axes.every((axis) => typeof s.values[axis.id] === 'number')
			};
		})
	};
}

function firstLineOffset(cos: number, lines: number): number {
	if (cos > 0.3) return -(lines - 1) * 13 - 4; // above the plot: grow upwards
	if (cos < -0.3) return 6; // below: grow downwards
	return -((lines - 1) * 13) / 2; // at the sides: centred
}

/** Greedy word wrap for axis labels. */
export function wrapLabel(label: string, width = 22): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of label.split(/\s+/)) {
		if (current && (current + ' ' + word).length > width) {
			lines.push(current);
			current = word;
		} else current = current ? `${current} ${word}` : word;
	}
	if (current) lines.push(current);
	return lines;
}

/** d3's radial paths are centred on the origin; move every coordinate pair to the centre. */
function shiftPath(path: string, offset: number): string {
	return path.replace(
		/(-?\d*\.?\d+(?:e-?\d+)?),(-?\d*\.?\d+(?:e-?\d+)?)/g,
		(_, x, y) => `${round(Number(x) + offset)},${round(Number(y) + offset)}`
	);
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Series styles that stay apart for colour-blind readers and in grey print: the Okabe–Ito
 * palette plus a distinct dash pattern and marker per series.
 */
export const seriesStyles = [
	{ stroke: '#0072B2', dash: '', fillOpacity: 0.15, marker: 'circle' },
	{ stroke: '#D55E00', dash: '6 4', fillOpacity: 0, marker: 'square' },
	{ stroke: '#009E73', dash: '2 3', fillOpacity: 0, marker: 'triangle' },
	{ stroke: '#CC79A7', dash: '10 3 2 3', fillOpacity: 0, marker: 'diamond' },
	{ stroke: '#000000', dash: '1 2', fillOpacity: 0, marker: 'circle' },
	{ stroke: '#E69F00', dash: '8 2', fillOpacity: 0, marker: 'square' }
] as const;

const escapeXml = (text: string) =>
	text.replace(
		/[<>&"']/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string
	);

/** A standalone SVG document of the radar (downloads and the PDF report). */
export function radarSvg(
	geometry: RadarGeometry,
	options: { title?: string; fontFamily?: string; legend?: boolean } = {}
): string {
	const font = options.fontFamily ?? 'Roboto, Arial, sans-serif';
	const legendHeight = options.legend === false ? 0 : geometry.series.length * 20 + 10;
	const height = geometry.size + legendHeight;
	const parts: string[] = [];
	parts.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${geometry.size} ${height}" width="${geometry.size}" height="${height}" font-family="${font}">`
	);
	if (options.title) parts.push(`<title>${escapeXml(options.title)}</title>`);
	parts.push(`<rect width="${geometry.size}" height="${height}" fill="#ffffff"/>`);
	for (const ring of geometry.rings) {
		parts.push(`<path d="${ring.path}" fill="none" stroke="#c5cbd3" stroke-width="1"/>`);
		parts.push(
			`<text x="${geometry.center + 3}" y="${round(ring.labelY - 2)}" font-size="9" fill="#4a4f57">${ring.label}</text>`
		);
	}
	for (const axis of geometry.axes) {
		parts.push(
			`<line x1="${geometry.center}" y1="${geometry.center}" x2="${round(axis.x)}" y2="${round(axis.y)}" stroke="#c5cbd3" stroke-width="1"/>`
		);
		const tspans = axis.labelLines
			.map(
				(line, i) =>
					`<tspan x="${round(axis.labelX)}" dy="${i === 0 ? axis.labelFirstDy : 13}">${escapeXml(line)}</tspan>`
			)
			.join('');
		parts.push(
			`<text x="${round(axis.labelX)}" y="${round(axis.labelY)}" font-size="11" text-anchor="${axis.anchor}" dominant-baseline="middle" fill="#1b1b1f">${tspans}</text>`
		);
	}
	geometry.series.forEach((s, i) => {
		const style = seriesStyles[i % seriesStyles.length];
		parts.push(
			`<path d="${s.path}" fill="${style.stroke}" fill-opacity="${style.fillOpacity}" stroke="${style.stroke}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`
		);
		for (const p of s.points) {
			if (p.value === null) continue;
			parts.push(markerSvg(style.marker, round(p.x), round(p.y), style.stroke));
		}
	});
	if (options.legend !== false) {
		geometry.series.forEach((s, i) => {
			const style = seriesStyles[i % seriesStyles.length];
			const y = geometry.size + 10 + i * 20;
			parts.push(
				`<line x1="20" y1="${y}" x2="50" y2="${y}" stroke="${style.stroke}" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`
			);
			parts.push(markerSvg(style.marker, 35, y, style.stroke));
			parts.push(
				`<text x="58" y="${y}" font-size="12" dominant-baseline="middle" fill="#1b1b1f">${escapeXml(s.label)}</text>`
			);
		});
	}
	parts.push('</svg>');
	return parts.join('');
}

/** A marker shape; shapes tell series apart where colour does not. */
export function markerSvg(kind: string, x: number, y: number, color: string): string {
	switch (kind) {
		case 'square':
			return `<rect x="${x - 3.5}" y="${y - 3.5}" width="7" height="7" fill="${color}"/>`;
		case 'triangle':
			return `<path d="M${x},${y - 4.5}L${x + 4.5},${y + 3.5}L${x - 4.5},${y + 3.5}Z" fill="${color}"/>`;
		case 'diamond':
			return `<path d="M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z" fill="${color}"/>`;
		default:
			return `<circle cx="${x}" cy="${y}" r="3.5" fill="${color}"/>`;
	}
}
