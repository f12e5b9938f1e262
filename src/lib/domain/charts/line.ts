/** Totals over the years as a line with points; rubric versions are marked per point. */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export interface LinePoint {
	year: number;
	value: number;
	/** Marks which rubric version the point is on (shape + label). */
	series: string;
}

export function lineGeometry(
	points: LinePoint[],
	options: { width?: number; height?: number; max?: number } = {}
) {
	const width = options.width ?? 560;
	const height = options.height ?? 240;
	const margin = { top: 16, right: 24, bottom: 32, left: 44 };
	const years = points.map((p) => p.year);
	const minYear = Math.min(...years, new Date().getFullYear()) - 1;
	const maxYear = Math.max(...years, minYear + 2) + 1;
	const x = scaleLinear()
		.domain([minYear, maxYear])
		.range([margin.left, width - margin.right]);
	// A year label needs about 48 px at the chart's 12 px text: fewer ticks on a narrow chart.
	const xTickCount = Math.max(
		2,
		Math.min(8, maxYear - minYear, Math.floor((width - margin.left - margin.right) / 48))
	);
	const y = scaleLinear()
		.domain([0, options.max ?? 800])
		.range([height - margin.bottom, margin.top]);
	const sorted = [...points].sort((a, b) => a.year - b.year);
	return {
		width,
		height,
		path:
			line<LinePoint>()
				.x((p) => x(p.year))
				.y((p) => y(p.value))(sorted) ?? '',
		points: sorted.map((p) => ({ ...p, x: x(p.year), y: y(p.value) })),
		xTicks: x
			.ticks(xTickCount)
			.filter(Number.isInteger)
			.map((t) => ({ x: x(t), label: String(t) })),
		yTicks: y.ticks(4).map((t) => ({ y: y(t), label: String(t) })),
		baseline: height - margin.bottom,
		left: margin.left,
		right: width - margin.right
	};
}
