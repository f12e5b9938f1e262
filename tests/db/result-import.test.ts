import { scoresAtShare2020 } from '../helpers/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { importResults } from '../../src/lib/server/published/result-import';
import { decodeResultsFile, parseResultsFile } from '../../src/lib/domain/results-file';
import { cliActor } from '../../src/lib/server/accounts/audit';

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const count = async () =>
	Number(
		(
			await t.db
				.selectFrom('published_result')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

const scores2020 = scoresAtShare2020;

async function importText(text: string, options = {}) {
	const parsed = parseResultsFile(text);
	if (!parsed.ok) return { ok: false as const, problems: parsed.problems };
	return importResults(t.db, cliActor, parsed.records, options);
}

describe('results import', () => {
	it('refuses a whole file when one record is wrong, naming record, field and reason', async () => {
		const before = await count();
		const good = {
			format: 'kommunkompassen-result/1',
			rubric: 'kommunkompassen-2020',
			municipality: { code: '0114' },
			year: 2023,
			total: 500
		};
		const bad = [
			good,
			{ ...good, municipality: { code: '9999' }, year: 2024 },
			{
				...good,
				year: 2025,
				areaScores: { '1': 70, '2': 70, '3': 70, '4': 70, '5': 70, '6': 70, '7': 70, '8': 70 },
				total: 561
			},
			{ ...good, year: 2026, totl: 5 },
			{ ...good, year: 2022, scores: { ...scores2020(0.5), '1.1': 25 } }
		];
		const outcome = await importText(JSON.stringify(bad));
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) {
			expect(outcome.problems).toContainEqual({
				record: 'record 2',
				field: 'municipality.code',
				message: 'unknown municipality code "9999"'
			});
			expect(outcome.problems).toContainEqual({
				record: 'record 3',
				field: 'total',
				message: 'total is given as 561 but the areas sum to 560'
			});
			expect(outcome.problems).toContainEqual({
				record: 'record 4',
				field: '(record)',
				message: 'unknown field(s): totl'
			});
			expect(outcome.problems).toContainEqual({
				record: 'record 5',
				field: 'scores.1.1',
				message: '25 is above the maximum 20'
			});
		}
		expect(await count()).toBe(before);
	});

	it('imports a CSV with BOM and semicolons, deriving area points and total', async () => {
		const s = scores2020(0.6);
		const header = ['municipality_code', 'year', 'rubric', ...Object.keys(s)].join(';');
		const row = ['180', '2024', 'kommunkompassen-2020', ...Object.values(s)].join(';');
		const outcome = await importText(`\uFEFF${header}\n${row}\n`);
		expect(outcome).toMatchObject({ ok: true, written: true });
		const result = await t.db
			.selectFrom('published_result')
			.select(['total', 'has_subarea_scores', 'municipality_code'])
			.where('municipality_code', '=', '0180')
			.executeTakeFirstOrThrow();
		const expected = Object.values(s).reduce((a, b) => a + b, 0);
		expect(result).toEqual({
			total: expected,
			has_subarea_scores: true,
			municipality_code: '0180'
		});
		const areas = await t.db
			.selectFrom('published_area_score as a')
			.innerJoin('published_result as p', 'p.id', 'a.published_result_id')
			.select(['a.area_id', 'a.points'])
			.where('p.municipality_code', '=', '0180')
			.execute();
		expect(areas).toHaveLength(8);
	});

	it('names the CSV line of a bad value and an unknown column', async () => {
		const outcome = await importText(
			'municipality_code,year,rubric,total,colour\n0114,2020,kommunkompassen-2020,500,red\n'
		);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok)
			expect(outcome.problems).toContainEqual({
				record: 'line 1',
				field: 'colour',
				message: 'unknown column'
			});
		const second = await importText(
			'municipality_code,year,rubric,total\n0114,2020,kommunkompassen-2020,900\n'
		);
		expect(second.ok).toBe(false);
		if (!second.ok) expect(second.problems[0]).toMatchObject({ record: 'line 2', field: 'total' });
	});

	it('refuses a duplicate unless replace is asked for, which writes a new version', async () => {
		const record = {
			format: 'kommunkompassen-result/1',
			rubric: 'kommunkompassen-2016',
			municipality: { code: '0115' },
			year: 2015,
			total: 480
		};
		expect((await importText(JSON.stringify(record))).ok).toBe(true);
		const again = await importText(JSON.stringify({ ...record, total: 490 }));
		expect(again.ok).toBe(false);
		const dry = await importText(JSON.stringify({ ...record, total: 490 }), {
			replace: true,
			dryRun: true
		});
		expect(dry).toMatchObject({
			ok: true,
			written: false,
			planned: [{ action: 'replace', total: 490 }]
		});
		const replaced = await importText(JSON.stringify({ ...record, total: 490 }), { replace: true });
		expect(replaced.ok).toBe(true);
		const versions = await t.db
			.selectFrom('published_result')
			.select(['version', 'is_current', 'total'])
			.where('municipality_code', '=', '0115')
			.where('year', '=', 2015)
			.orderBy('version')
			.execute();
		expect(versions).toEqual([
			{ version: 1, is_current: false, total: 480 },
			{ version: 2, is_current: true, total: 490 }
		]);
	});
});

describe('results file encodings', () => {
	it('reads a Latin-1 (Windows-1252) CSV as Excel wrote it, åäö intact', async () => {
		const csv =
			'municipality_code;year;rubric;total;source\r\n1880;2019;kommunkompassen-2016;512;Rapport från Örebro län – ”slutlig”\r\n';
		const bytes = Uint8Array.from(
			Buffer.from(csv, 'latin1').map((b, i) =>
				// The typographic characters exist in Windows-1252 only.
				csv[i] === '–' ? 0x96 : csv[i] === '”' ? 0x94 : b
			)
		);
		const decoded = decodeResultsFile(bytes);
		expect(decoded.encoding).toBe('windows-1252');
		expect(decoded.text).toBe(csv);
		const outcome = await importText(decoded.text);
		expect(outcome.ok).toBe(true);
		const row = await t.db
			.selectFrom('published_result')
			.select('content')
			.where('municipality_code', '=', '1880')
			.where('year', '=', 2019)
			.executeTakeFirstOrThrow();
		expect((row.content as { source?: string }).source).toBe('Rapport från Örebro län – ”slutlig”');
	});

	it('reads UTF-8 with a BOM and UTF-16 as text', () => {
		const text = 'municipality_code,year\r\n1880,2019 Örebro\r\n';
		const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);
		expect(decodeResultsFile(utf8).text.replace(/^\uFEFF/, '')).toBe(text);
		const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
		expect(decodeResultsFile(utf16).text.replace(/^\uFEFF/, '')).toBe(text);
	});
});

describe('peer groups', () => {
	it('saves a named group of at least two municipalities, once per name', async () => {
		const { createPeerGroup, listPeerGroups } =
			await import('../../src/lib/server/published/peer-groups');
		await expect(
			createPeerGroup(t.db, { id: null, label: 'cli' }, 'Bruksorter', ['1883'])
		).rejects.toThrow('results.compare.groupTooSmall');
		await createPeerGroup(t.db, { id: null, label: 'cli' }, 'Bruksorter', ['1883', '2083'], {
			public: true
		});
		await expect(
			createPeerGroup(t.db, { id: null, label: 'cli' }, 'Bruksorter', ['1883', '1882'])
		).rejects.toThrow('admin.ref.duplicate');
		expect(await listPeerGroups(t.db)).toEqual([
			{
				id: expect.any(Number),
				name: 'Bruksorter',
				municipalityCodes: ['1883', '2083'],
				public: true,
				mine: false
			}
		]);
	});
});
