import { describe, expect, it } from 'vitest';
import { developmentTable, signed } from '../../src/lib/domain/report/tables';
import type { ReportModel } from '../../src/lib/domain/report/model';

const development: NonNullable<ReportModel['development']> = {
	previousYear: 2022,
	sameRubric: true,
	caveat: null,
	total: { from: 536, to: 560, change: 24 },
	areas: [
		{
			id: '1',
			title: 'Samspel mellan förtroendevalda och medborgare',
			from: 70,
			to: 66,
			change: -4
		},
		{ id: '2', title: 'Samhällsutveckling', from: null, to: 60, change: null }
	],
	largest: [],
	followUps: []
};

describe('the development table the PDF and Word both lay out', () => {
	it('has the years as header, the total first, and each area with its change', () => {
		const sv = developmentTable({ locale: 'sv', year: 2026 }, development);
		expect(sv.header).toEqual(['', '2022', '2026', 'Förändring']);
		expect(sv.rows[0]).toEqual(['Totalt', '536', '560', '+24']);
		expect(sv.rows[1]).toEqual([
			'1. Samspel mellan förtroendevalda och medborgare',
			'70',
			'66',
			'−4'
		]);
		expect(sv.rows[2][1]).toBe('ej bedömd');
		expect(sv.rows[2][3]).toBe('–');
		const en = developmentTable({ locale: 'en', year: 2026 }, development);
		expect(en.header[3]).toBe('Change');
		expect(en.rows[0][0]).toBe('Total');
	});

	it('signs a change with the typographic minus and ±0', () => {
		expect([signed(3), signed(-3), signed(0)]).toEqual(['+3', '−3', '±0']);
	});
});
