/**
 * Totals over the years as points, with a line only between points of the same rubric version:
 * totals of different versions are on different scales, so the change of version is drawn as a
 * break (and named in the legend), never as a segment.
 */
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
	// Runs of consecutive points on one version: each run of two or more is a line.
	const runs: LinePoint[][] = [];
	for (const p of sorted) {
		const run = runs.at(-1);
		if (run && run[0].series === p.series) run.push(p);
		else runs.push([p]);
	}
	const draw = line<LinePoint>()
		.x((p) => x(p.year))
		.y((p) => y(p.value));
	return {
		width,
		height,
		/** One line per run of the same version; none between versions. */
		segments: runs
			.filter((run) => run.length > 1)
			.map((run) => ({ series: run[0].series, path: draw(run) ?? '' })),
		/** Where the version changes: halfway between the last point of one run and the next. */
		breaks: runs.slice(1).map((run, i) => ({ x: (x(runs[i].at(-1)!.year) + x(run[0].year)) / 2 })),
		points: sorted.map((p) => ({ ...p, x: x(p.year), y: y(p.value) })),
		xTicks: x
			.ticks(xTickCount)
			.filter(Number.isInteger)
			.map((t) => ({ x: x(t), label: String(t) })),
		yTicks: y.ticks(4).map((t) => ({ y: y(t), label: String(t) })),
		baseline: height - margin.bottom,
		top: margin.top,
		left: margin.left,
		right: width - margin.right
	};
}
