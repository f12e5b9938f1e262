/**
 * What the radar of a profile shows: one axis per area and the series in a fixed order. The
 * municipality page, its SVG/PNG download, the compare page, the HTML report and the PDF all take
 * their radar from here, so the order (municipality, average, earlier years), the series ids and
 * the labels cannot drift apart. Pure: `radar.ts` turns the result into geometry.
 */
import type { RadarAxis, RadarSeriesInput } from './radar';
import type { ReportModel } from '../report/model';

/** The props of `RadarChart` that carry data: axes, series and which series is the average. */
export interface ProfileRadar {
	axes: RadarAxis[];
	series: RadarSeriesInput[];
	/** Index in `series` of the average, the one the table's ± column is computed against. */
	averageIndex: number;
	/** A ± column for every series before the average (compare page), not only the first. */
	deltaEach?: boolean;
}

export interface RadarArea {
	id: string;
	title: string;
	/** Points of the area's maximum. */
	max: number;
}

export interface RadarAverage {
	label: string;
	/** Area id → value (null where too few evaluations have the area). */
	areas: Record<string, number | null>;
	/** Area id → number of evaluations behind the value (absent for a registered reference). */
	n?: Record<string, number> | null;
}

/**
 * The average as a series: in the table always, with its n per area; drawn only when every area
 * has a value, since a polygon through the centre would read as a real average of 0.
 */
function averageSeries(average: RadarAverage, axes: RadarAxis[]): RadarSeriesInput {
	return {
		id: 'avg',
		label: average.label,
		values: average.areas,
		...(average.n ? { n: average.n } : {}),
		drawn: axes.every((a) => typeof average.areas[a.id] === 'number')
	};
}

/** One axis per area, in the rubric's order. */
export function radarAxes(areas: RadarArea[]): RadarAxis[] {
	return areas.map((a) => ({ id: a.id, label: a.title, max: a.max }));
}

/**
 * One municipality's profile: its result (`values`, null where an area is not complete), then the
 * average, then its earlier results on the same rubric, each labelled "<name> <year>".
 */
export function profileRadar(input: {
	areas: RadarArea[];
	name: string;
	year: number;
	values: Record<string, number | null>;
	average: RadarAverage;
	earlier: { year: number; areaScores: Record<string, number> | null }[];
}): ProfileRadar {
	const axes = radarAxes(input.areas);
	return {
		axes,
		series: [
			{ id: 'm', label: `${input.name} ${input.year}`, values: input.values },
			averageSeries(input.average, axes),
			...input.earlier.map((e) => ({
				id: `y${e.year}`,
				label: `${input.name} ${e.year}`,
				values: e.areaScores ?? {}
			}))
		],
		averageIndex: 1
	};
}

/** The report's profile (HTML view and PDF): the evaluated result, counting only complete areas. */
export function reportRadar(model: ReportModel): ProfileRadar {
	return profileRadar({
		areas: model.areas,
		name: model.municipality.name,
		year: model.year,
		values: Object.fromEntries(model.areas.map((a) => [a.id, a.complete ? a.achieved : null])),
		average: {
			label: model.comparison.averageLabel,
			areas: model.comparison.averageAreas,
			n: model.comparison.averageN
		},
		earlier: model.comparison.earlier
	});
}

/**
 * The compare page: several municipalities' results (each labelled by the caller, who knows the
 * year and version) and the average last, with a ± column for each municipality.
 */
export function comparisonRadar(input: {
	areas: RadarArea[];
	rows: { code: string; label: string; areas: Record<string, number> | null }[];
	average: RadarAverage;
}): ProfileRadar {
	const axes = radarAxes(input.areas);
	return {
		axes,
		series: [
			...input.rows.map((r) => ({ id: r.code, label: r.label, values: r.areas ?? {} })),
			averageSeries(input.average, axes)
		],
		averageIndex: input.rows.length,
		deltaEach: true
	};
}
