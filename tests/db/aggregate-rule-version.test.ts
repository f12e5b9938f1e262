/**
 * The `published_aggregate` cache is keyed by the version of its rules (`aggregateRuleVersion`
 * beside `minEvaluations`): figures stored under version N are never served once the app runs
 * N + 1, they are computed again under the new rule and stored with the new version. The version
 * is mocked here so the test can bump it the way a developer changing the rule would.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { resultRecord } from '../helpers/results';
import { scoresAtShare2020 } from '../helpers/rubric';
import { importResults } from '../../src/lib/server/published/result-import';
import { cliActor } from '../../src/lib/server/accounts/audit';
import {
	loadMunicipalityAggregate,
	loadRubricAggregate
} from '../../src/lib/server/published/aggregates';
import { findRubricById } from '../../src/lib/server/register/rubrics';
import type { Rubric } from '../../src/lib/domain/rubric';

const rule = vi.hoisted(() => ({ version: 1 }));
vi.mock('$lib/domain/comparison', async (importOriginal) => {
	const actual = await importOriginal<typeof import('../../src/lib/domain/comparison')>();
	return {
		...actual,
		get aggregateRuleVersion() {
			return rule.version;
		}
	};
});

let t: TestDatabase;
let rubric: Rubric;
beforeAll(async () => {
	t = await createTestDatabase();
	rubric = (await findRubricById(t.db, 'kommunkompassen-2020'))!;
});
afterAll(async () => {
	await t?.close();
});

const record = (code: string, year: number, share: number) =>
	resultRecord(code, year, { scores: scoresAtShare2020(share) });

const stored = () =>
	t.db
		.selectFrom('published_aggregate')
		.select(['kind', 'key', 'rule_version'])
		.where('key', 'in', ['kommunkompassen-2020', '1883'])
		.orderBy('kind')
		.execute();

/** Figures a reader must never see: whatever the cache holds is replaced by these. */
async function plant(version: number) {
	await t.db
		.updateTable('published_aggregate')
		.set({
			rule_version: version,
			data: JSON.stringify({ averages: { latest: 'stale', all: 'stale' }, latestTotals: [] })
		})
		.where('kind', '=', 'rubric')
		.where('key', '=', 'kommunkompassen-2020')
		.execute();
	await t.db
		.updateTable('published_aggregate')
		.set({ rule_version: version, data: JSON.stringify({ code: '1883', results: [] }) })
		.where('kind', '=', 'municipality')
		.where('key', '=', '1883')
		.execute();
}

describe('published aggregates under a rule version', () => {
	it('stores each row with the version it was computed under', async () => {
		rule.version = 1;
		const outcome = await importResults(t.db, cliActor, [
			record('1883', 2022, 0.5),
			record('0180', 2022, 0.7),
			record('0115', 2022, 0.6)
		]);
		expect(outcome).toMatchObject({ ok: true, written: true });
		expect(await stored()).toEqual([
			{ kind: 'municipality', key: '1883', rule_version: 1 },
			{ kind: 'rubric', key: 'kommunkompassen-2020', rule_version: 1 }
		]);
	});

	it('serves a row of its own version from the cache, without computing', async () => {
		await plant(1);
		const aggregate = await loadRubricAggregate(t.db, rubric);
		expect(aggregate.averages.latest).toBe('stale');
		expect((await loadMunicipalityAggregate(t.db, '1883')).results).toEqual([]);
	});

	it('never serves a row of version N under N + 1, and rebuilds it under N + 1', async () => {
		// The cache holds version 1's (planted) figures; the rule changes and the version is bumped.
		rule.version = 2;
		const aggregate = await loadRubricAggregate(t.db, rubric);
		expect(aggregate.averages.latest).toMatchObject({ mode: 'latest', count: 3 });
		expect(aggregate.averages.latest.total.n).toBe(3);
		expect(aggregate.latestTotals).toHaveLength(3);
		const history = await loadMunicipalityAggregate(t.db, '1883');
		expect(history.results.map((r) => r.year)).toEqual([2022]);
		expect(history.results[0].publishedAt).toBeInstanceOf(Date);

		// Stored again, under version 2, with the real figures in place of the planted ones.
		expect(await stored()).toEqual([
			{ kind: 'municipality', key: '1883', rule_version: 2 },
			{ kind: 'rubric', key: 'kommunkompassen-2020', rule_version: 2 }
		]);
		const row = await t.db
			.selectFrom('published_aggregate')
			.select('data')
			.where('kind', '=', 'rubric')
			.where('key', '=', 'kommunkompassen-2020')
			.executeTakeFirstOrThrow();
		expect(row.data).toEqual(JSON.parse(JSON.stringify(aggregate)));
	});

	it('a publish under the new version refreshes the rows with that version', async () => {
		rule.version = 3;
		const outcome = await importResults(t.db, cliActor, [record('1883', 2023, 0.8)]);
		expect(outcome).toMatchObject({ ok: true, written: true });
		expect(await stored()).toEqual([
			{ kind: 'municipality', key: '1883', rule_version: 3 },
			{ kind: 'rubric', key: 'kommunkompassen-2020', rule_version: 3 }
		]);
		const history = await loadMunicipalityAggregate(t.db, '1883');
		expect(history.results.map((r) => r.year)).toEqual([2022, 2023]);
	});
});
