/**
 * The open API labels every figure with its rubric version: totals of the 2010 and the 2020
 * version are not comparable, so a record, a CSV row and the national average each say which
 * version they are on (id, title, year), and the average states its n.
 */
import { scoresAtShare2020 } from '../helpers/rubric';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { importResults } from '../../src/lib/server/published/result-import';
import { cliActor } from '../../src/lib/server/accounts/audit';
import { GET as results } from '../../src/routes/api/v1/results/+server';
import { GET as municipalityResults } from '../../src/routes/api/v1/municipalities/[code]/results/+server';
import { GET as nationalAverage } from '../../src/routes/api/v1/national-average/+server';

const totalAt = (share: number) =>
	Object.values(scoresAtShare2020(share)).reduce((sum, points) => sum + points, 0);

let t: TestDatabase;
beforeAll(async () => {
	t = await createTestDatabase();
	const record = (code: string, year: number, rubric: string, levels: object) => ({
		label: `${code}/${year}`,
		value: {
			format: 'kommunkompassen-result/1',
			rubric,
			municipality: { code },
			year,
			...levels
		}
	});
	const outcome = await importResults(t.db, cliActor, [
		record('1883', 2014, 'kommunkompassen-2010', { total: 450 }),
		record('1883', 2022, 'kommunkompassen-2020', { scores: scoresAtShare2020(0.5) }),
		record('0180', 2022, 'kommunkompassen-2020', { scores: scoresAtShare2020(0.7) }),
		record('0115', 2021, 'kommunkompassen-2020', { total: 600 })
	]);
	expect(outcome).toMatchObject({ ok: true, written: true });
});
afterAll(async () => {
	await t?.close();
});

type Handler = (event: never) => Promise<Response> | Response;
async function call(handler: Handler, path: string, params: Record<string, string> = {}) {
	const url = new URL(`http://localhost${path}`);
	const response = await handler({
		locals: { db: t.db },
		url,
		params,
		request: new Request(url, { headers: { 'accept-language': 'en' } })
	} as unknown as never);
	expect(response.status).toBe(200);
	return response;
}

describe('the open API names the rubric version of every figure', () => {
	it('labels each JSON record with its rubric id, title and year', async () => {
		const records = await (await call(results, '/api/v1/results')).json();
		expect(records).toHaveLength(4);
		for (const r of records) {
			expect(r.rubricYear).toBe(Number(r.rubric.slice(-4)));
			expect(r.rubricTitle).toBe(`Kommunkompassen ${r.rubricYear}`);
		}
		const karlskoga = await (
			await call(municipalityResults, '/api/v1/municipalities/1883/results', { code: '1883' })
		).json();
		expect(
			karlskoga.map((r: { year: number; total: number; rubricYear: number }) => [
				r.year,
				r.total,
				r.rubricYear
			])
		).toEqual([
			[2014, 450, 2010],
			[2022, totalAt(0.5), 2020]
		]);
	});

	it('puts the rubric and its year on every CSV row', async () => {
		const csv = await (
			await call(
				municipalityResults,
				'/api/v1/municipalities/1883/results?format=csv&dialect=intl',
				{
					code: '1883'
				}
			)
		).text();
		const [header, ...rows] = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r?\n/);
		const columns = header.split(',');
		const rubric = columns.indexOf('rubric');
		expect(columns[rubric + 1]).toBe('rubric_year');
		expect(rows.map((r) => r.split(',').slice(rubric, rubric + 2))).toEqual([
			['kommunkompassen-2010', '2010'],
			['kommunkompassen-2020', '2020']
		]);
	});

	it('says which version the national average is of, and its n', async () => {
		const average = await (
			await call(nationalAverage, '/api/v1/national-average?rubric=kommunkompassen-2020')
		).json();
		expect(average).toMatchObject({
			rubric: 'kommunkompassen-2020',
			rubricTitle: 'Kommunkompassen 2020',
			rubricYear: 2020,
			count: 3,
			municipalities: 3,
			total: { n: 3 }
		});
		// Karlskoga's 2010-version total of 2014 is not in the 2020 version's average.
		expect(average.total.mean).toBeCloseTo((totalAt(0.5) + totalAt(0.7) + 600) / 3);
		const csv = await (
			await call(
				nationalAverage,
				'/api/v1/national-average?rubric=kommunkompassen-2020&format=csv&dialect=intl'
			)
		).text();
		const [header, ...rows] = csv
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r?\n/);
		expect(header).toBe('rubric,rubric_year,level,id,mean,n');
		expect(rows.every((r) => r.startsWith('kommunkompassen-2020,2020,'))).toBe(true);
		expect(rows.at(-1)).toMatch(/^kommunkompassen-2020,2020,total,,[\d.]+,3$/);
	});
});
