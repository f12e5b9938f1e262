import { describe, expect, it } from 'vitest';
import { comparisonRadar, profileRadar, reportRadar } from '../../src/lib/domain/charts/profile';
import type { ReportModel } from '../../src/lib/domain/report/model';

const areas = [
	{ id: '1', title: 'Samspel', max: 100 },
	{ id: '2', title: 'Effektivitet', max: 100 }
];
const average = { label: 'Snitt', areas: { '1': 60, '2': null } };

describe('profile radar', () => {
	it('orders a profile as municipality, average, earlier years', () => {
		const r = profileRadar({
			areas,
			name: 'Karlskoga',
			year: 2022,
			values: { '1': 74, '2': 50 },
			average,
			earlier: [{ year: 2018, areaScores: { '1': 70, '2': 40 } }]
		});
		expect(r.axes).toEqual([
			{ id: '1', label: 'Samspel', max: 100 },
			{ id: '2', label: 'Effektivitet', max: 100 }
		]);
		expect(r.series.map((s) => [s.id, s.label])).toEqual([
			['m', 'Karlskoga 2022'],
			['avg', 'Snitt'],
			['y2018', 'Karlskoga 2018']
		]);
		expect(r.averageIndex).toBe(1);
	});

	it('counts only complete areas of the report', () => {
		const model = {
			municipality: { code: '1883', name: 'Karlskoga' },
			year: 2022,
			areas: [
				{ ...areas[0], achieved: 74, complete: true },
				{ ...areas[1], achieved: 20, complete: false }
			],
			comparison: { averageLabel: 'Snitt', averageAreas: average.areas, earlier: [] }
		} as unknown as ReportModel;
		const r = reportRadar(model);
		expect(r.series[0].values).toEqual({ '1': 74, '2': null });
		// The average lacks area 2 (too few evaluations): in the table, not drawn.
		expect(r.series[1]).toEqual({
			id: 'avg',
			label: 'Snitt',
			values: average.areas,
			drawn: false
		});
	});

	it('keeps the n of each area with the average and draws it only when every area has one', () => {
		const r = profileRadar({
			areas,
			name: 'Karlskoga',
			year: 2022,
			values: { '1': 74, '2': 50 },
			average: { label: 'Kommunsnitt', areas: { '1': 61, '2': 55 }, n: { '1': 4, '2': 3 } },
			earlier: []
		});
		expect(r.series[1]).toMatchObject({ n: { '1': 4, '2': 3 }, drawn: true });
	});

	it('puts the average last on the compare page', () => {
		const r = comparisonRadar({
			areas,
			rows: [
				{ code: '1883', label: 'Karlskoga 2022', areas: { '1': 74, '2': 50 } },
				{ code: '1880', label: 'Örebro 2021', areas: null }
			],
			average
		});
		expect(r.series.map((s) => s.id)).toEqual(['1883', '1880', 'avg']);
		expect(r.series[1].values).toEqual({});
		expect(r.averageIndex).toBe(2);
		expect(r.deltaEach).toBe(true);
	});
});
