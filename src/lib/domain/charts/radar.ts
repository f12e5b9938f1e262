/**
 * Radar profile geometry: d3 computes, the caller draws. `RadarChart.svelte` draws it on the web
 * pages and, rendered on the server, for the SVG/PNG download and the PDF report.
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
	/** Axis id → evaluations behind the value, for an average: shown in the table. */
	n?: Record<string, number>;
	/** false: only in the table, not drawn (an average with too few evaluations somewhere). */
	drawn?: boolean;
}

export interface RadarOptions {
	/** Width and height of the square drawing, in SVG units. */
	size?: number;
	/** Space for the axis labels around the plot. */
	margin?: number;
	/** Grid rings as shares of the max. */
	rings?: number[];
	/** Characters per line of an axis label (default 22). */
	wrap?: number;
	/** Distance between the lines of an axis label, in SVG units (default 13). */
	lineHeight?: number;
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
		/** The label broken into lines of at most `wrap` characters, so long titles stay inside. */
		labelLines: string[];
		/** Offset of the first line (SVG units, `lineHeight` per line) so labels grow away from the plot. */
		labelFirstDy: number;
		anchor: 'start' | 'middle' | 'end';
	}[];
	/**
	 * Grid rings; each scale label sits halfway between the first two axes, where no data point is
	 * drawn (points lie on the axes), so a point never hides it.
	 */
	rings: { share: number; path: string; labelX: number; labelY: number; label: string }[];
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
	const wrap = options.wrap ?? 22;
	const lineHeight = options.lineHeight ?? 13;
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
			const anchor = Math.abs(sin) < 0.2 ? 'middle' : sin > 0 ? 'start' : 'end';
			// A label above or below the plot is centred and has room on both sides of its axis.
			const lines = wrapLabel(axis.label, anchor === 'middle' ? Math.round(wrap * 1.5) : wrap);
			return {
				id: axis.id,
				label: axis.label,
				angle,
				x: end.x,
				y: end.y,
				labelX: label.x,
				labelY: label.y,
				labelLines: lines,
				labelFirstDy: firstLineOffset(Math.cos(angle), lines.length, lineHeight),
				anchor
			};
		}),
		rings: rings.map((share) => ({
			share,
			path: translate(radial(axes.map(() => share))),
			labelX: polar(Math.PI / Math.max(axes.length, 1), r(share)).x,
			labelY: polar(Math.PI / Math.max(axes.length, 1), r(share)).y,
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

function firstLineOffset(cos: number, lines: number, lineHeight: number): number {
	if (cos > 0.3) return -(lines - 1) * lineHeight - 4; // above the plot: grow upwards
	if (cos < -0.3) return 6; // below: grow downwards
	return -((lines - 1) * lineHeight) / 2; // at the sides: centred
}

/** Greedy word wrap for axis labels; a word longer than a line is hyphenated (see `splitWord`). */
export function wrapLabel(label: string, width = 22): string[] {
	const lines: string[] = [];
	let current = '';
	const words = label.split(/\s+/).flatMap((w) => splitWord(w, width));
	for (const word of words) {
		if (current && (current + ' ' + word).length > width) {
			lines.push(current);
			current = word;
		} else current = current ? `${current} ${word}` : word;
	}
	if (current) lines.push(current);
	return lines;
}

/** Second parts of Swedish compounds in the area titles, where a break reads naturally. */
const compoundParts = ['utveckling', 'valda', 'skap', 'styrning', 'arbete'];

/**
 * Breaks a word longer than `width` into hyphenated pieces: before a known second part of a
 * compound ("Samhälls-utveckling"), after a linking s, or else at the width.
 */
function splitWord(word: string, width: number): string[] {
	if (word.length <= width) return [word];
	const lower = word.toLowerCase();
	const candidates: number[] = [];
	for (const part of compoundParts) {
		const at = lower.lastIndexOf(part);
		if (at >= 3) candidates.push(at);
	}
	for (let i = width - 1; i >= 4; i--)
		if (lower[i - 1] === 's' && word.length - i >= 4) candidates.push(i);
	const at = candidates.filter((i) => i + 1 <= width).sort((a, b) => b - a)[0] ?? width - 1;
	return [`${word.slice(0, at)}-`, ...splitWord(word.slice(at), width)];
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

export type MarkerKind = (typeof seriesStyles)[number]['marker'];
