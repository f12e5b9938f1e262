/**
 * Horizontal bar geometry (achieved against max, with an optional reference such as the
 * national average). d3 computes; `BarChart.svelte` draws it, on the page and, rendered on the
 * server, for the PDF and the Word report (`renderBarsSvg` in $lib/server/results/charts).
 */
import { scaleLinear } from 'd3-scale';
import type { ReportModel } from '../report/model';

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

/** A series of the chart: the bars (points achieved) and the reference's dashed line. */
type BarSeries = 'value' | 'reference';

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
	/**
	 * The series a legend names: only those drawn on some row, so a reference that no row has
	 * (an average withheld everywhere for too few evaluations) is never named beside no line.
	 */
	legend: BarSeries[];
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
	const hasReference = (i: BarInput) => i.reference !== null && i.reference !== undefined;
	const legend: BarSeries[] = [
		...(items.some((i) => i.value !== null) ? (['value'] as const) : []),
		...(items.some(hasReference) ? (['reference'] as const) : [])
	];
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
		ticks: x.ticks(5).map((t) => ({ x: x(t), label: String(t) })),
		legend
	};
}

/**
 * The report's bars (HTML view, PDF and Word): each area's points against the chosen average,
 * with the evaluations behind the average where it is one.
 */
export function reportBars(model: ReportModel): BarInput[] {
	const n = model.comparison.averageN;
	return model.areas.map((a) => ({
		id: a.id,
		label: `${a.id}. ${a.title}`,
		value: a.achieved,
		max: a.max,
		reference: model.comparison.averageAreas[a.id] ?? null,
		...(n ? { referenceN: n[a.id] ?? 0 } : {})
	}));
}
