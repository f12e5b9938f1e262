import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvDialectFor, tabularResponse, toCsv } from '../../src/lib/server/http/spreadsheet';

const rows = [
	['Karlskoga', 73.5, -4],
	['Mål; vision', 556.75, null],
	['=HYPERLINK("http://evil.example")', 12, 0],
	['-2+3+cmd', 1, 1]
];

describe('CSV that Swedish Excel opens', () => {
	it('the Swedish dialect: semicolons, decimal comma, UTF-8 with BOM, formulas still neutralised', () => {
		const csv = toCsv(['name', 'mean', 'change'], rows, 'sv');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('Karlskoga;73,5;-4\r\n');
		const parsed = Papa.parse<string[]>(csv.slice(1).trimEnd(), {
			delimiter: ';',
			newline: '\r\n'
		}).data;
		expect(parsed[0]).toEqual(['name', 'mean', 'change']);
		expect(parsed[2]).toEqual(['Mål; vision', '556,75', '']);
		expect(parsed[3][0]).toBe(`'=HYPERLINK("http://evil.example")`);
		expect(parsed[4][0]).toBe(`'-2+3+cmd`);
	});

	it('the international dialect: commas and decimal points, as before', () => {
		const csv = toCsv(['name', 'mean', 'change'], rows, 'intl');
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('Karlskoga,73.5,-4\r\n');
		expect(toCsv(['a'], [[1.5]])).toContain('1.5');
	});

	it('is chosen by ?dialect= first, else by the reader’s language (named for caches)', () => {
		const url = (q = '') => new URL(`http://localhost/api/v1/results?format=csv${q}`);
		expect(csvDialectFor(url('&dialect=intl'), 'sv', 'Cookie')).toEqual({ dialect: 'intl' });
		expect(csvDialectFor(url('&dialect=sv'), 'en', 'Accept-Language')).toEqual({ dialect: 'sv' });
		expect(csvDialectFor(url(), 'sv', 'Cookie')).toEqual({ dialect: 'sv', vary: 'Cookie' });
		expect(csvDialectFor(url(), 'en', 'Accept-Language')).toEqual({
			dialect: 'intl',
			vary: 'Accept-Language'
		});
		expect(csvDialectFor(url('&dialect=xx'), 'en', 'Cookie').dialect).toBe('intl');
	});

	it('a download in the Swedish dialect says which header chose it', async () => {
		const response = await tabularResponse('csv', 'plan', ['a', 'b'], [['x', 2.5]], {
			csv: { dialect: 'sv', vary: 'Accept-Language' }
		});
		expect(response.headers.get('vary')).toBe('Accept-Language');
		expect(await response.text()).toContain('x;2,5');
	});
});
