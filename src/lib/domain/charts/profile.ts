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
}

export interface RadarArea {
	id: string;
	title: string;
	/** Points of the area's maximum. */
	max: number;
}

export interface RadarAverage {
	label: string;
	/** Area id → value (null where no evaluation has the area). */
	areas: Record<string, number | null>;
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
	return {
		axes: radarAxes(input.areas),
		series: [
			{ id: 'm', label: `${input.name} ${input.year}`, values: input.values },
			{ id: 'avg', label: input.average.label, values: input.average.areas },
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
		average: { label: model.comparison.averageLabel, areas: model.comparison.averageAreas },
		earlier: model.comparison.earlier
	});
}

/**
 * The compare page: several municipalities' latest results and the average last (the ± column is
 * the first municipality against it).
 */
export function comparisonRadar(input: {
	areas: RadarArea[];
	rows: { code: string; name: string; year: number; areas: Record<string, number> | null }[];
	average: RadarAverage;
}): ProfileRadar {
	return {
		axes: radarAxes(input.areas),
		series: [
			...input.rows.map((r) => ({
				id: r.code,
				label: `${r.name} ${r.year}`,
				values: r.areas ?? {}
			})),
			{ id: 'avg', label: input.average.label, values: input.average.areas }
		],
		averageIndex: input.rows.length
	};
}
