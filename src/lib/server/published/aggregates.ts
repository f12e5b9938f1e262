/**
 * The figures of the published results, kept precomputed in `published_aggregate`: per rubric
 * the national average in each mode with the totals behind ranks, per municipality its published
 * history with the findings of its profiled result. Published results change only on publish,
 * erratum and import, which call `refreshPublishedAggregates` in their own transaction; pages and
 * the API read one row instead of aggregating every score on each request. A row that is missing
 * (dropped by the triggers when another writer changed published results) or was computed under
 * another `aggregateRuleVersion` (the rule changed since) is computed on first read and stored.
 */
import { sql } from 'kysely';
import type { Database } from '../db';
import {
	aggregateRuleVersion,
	type AverageMode,
	type NationalAverage
} from '$lib/domain/comparison';
import type { Rubric } from '$lib/domain/rubric';
import type { EvaluationContent } from '$lib/domain/evaluation-content';
import {
	computeNationalAverage,
	listLatestTotalsOnRubric,
	listPublishedResults,
	type PublishedResultView
} from './comparisons';
import { findRubricById } from '../register/rubrics';

export interface RubricAggregate {
	rubricId: string;
	averages: Record<AverageMode, NationalAverage>;
	/** Each municipality's latest total on the rubric, for ranks. */
	latestTotals: number[];
}

export interface MunicipalityAggregate {
	code: string;
	/** Current published results, oldest first. */
	results: PublishedResultView[];
	/** The area findings of each result that has area points, by published result id. */
	findings: Record<number, EvaluationContent['areas']>;
}

const rubricKind = 'rubric';
const municipalityKind = 'municipality';

type AggregateRow = { key: string; data: object };

const rowsFor = (kind: string, rows: AggregateRow[]) =>
	rows.map((r) => ({
		kind,
		key: r.key,
		data: JSON.stringify(r.data),
		rule_version: aggregateRuleVersion
	}));

async function computeRubricAggregate(db: Database, rubric: Rubric): Promise<RubricAggregate> {
	const [latest, all, totals] = await Promise.all([
		computeNationalAverage(db, rubric, { latest: true }),
		computeNationalAverage(db, rubric, { latest: false }),
		listLatestTotalsOnRubric(db, rubric.id)
	]);
	return {
		rubricId: rubric.id,
		averages: { latest, all },
		latestTotals: totals.map((t) => t.total)
	};
}

async function computeMunicipalityAggregates(
	db: Database,
	codes: string[]
): Promise<MunicipalityAggregate[]> {
	if (!codes.length) return [];
	const results = await listPublishedResults(db, { municipalityCodes: codes });
	const withAreas = results.filter((r) => r.areaScores).map((r) => r.publishedResultId);
	const contents = withAreas.length
		? await db
				.selectFrom('published_result')
				.select(['id', sql<EvaluationContent['areas'] | null>`content->'areas'`.as('areas')])
				.where('id', 'in', withAreas)
				.execute()
		: [];
	return codes.map((code) => {
		const own = results.filter((r) => r.municipalityCode === code);
		const findings: MunicipalityAggregate['findings'] = {};
		for (const c of contents) {
			if (c.areas && own.some((r) => r.publishedResultId === c.id)) findings[c.id] = c.areas;
		}
		return { code, results: own, findings };
	});
}

async function store(db: Database, kind: string, rows: AggregateRow[]) {
	if (!rows.length) return;
	await db
		.insertInto('published_aggregate')
		.values(rowsFor(kind, rows))
		.onConflict((oc) =>
			oc.columns(['kind', 'key']).doUpdateSet((eb) => ({
				data: eb.ref('excluded.data'),
				rule_version: eb.ref('excluded.rule_version'),
				refreshed_at: sql`now()`
			}))
		)
		.execute();
}

/**
 * Recomputes the aggregates the changed published results touch: every rubric version given and
 * every municipality given. Call with the transaction that wrote the results, so a reader sees
 * the new results and the new figures together or neither.
 */
export async function refreshPublishedAggregates(
	trx: Database,
	scope: { rubricIds: string[]; municipalityCodes: string[] }
): Promise<void> {
	const rubricIds = [...new Set(scope.rubricIds)];
	const codes = [...new Set(scope.municipalityCodes)];
	for (const id of rubricIds) {
		const rubric = await findRubricById(trx, id);
		if (rubric)
			await store(trx, rubricKind, [{ key: id, data: await computeRubricAggregate(trx, rubric) }]);
	}
	const municipalities = await computeMunicipalityAggregates(trx, codes);
	await store(
		trx,
		municipalityKind,
		municipalities.map((m) => ({ key: m.code, data: m }))
	);
}

/** Stores what a read computed where no row of the current rule version is. */
async function insertIfMissing(db: Database, kind: string, rows: AggregateRow[]) {
	if (!rows.length) return;
	await db
		.insertInto('published_aggregate')
		.values(rowsFor(kind, rows))
		.onConflict((oc) =>
			oc
				.columns(['kind', 'key'])
				.doUpdateSet((eb) => ({
					data: eb.ref('excluded.data'),
					rule_version: eb.ref('excluded.rule_version'),
					refreshed_at: sql`now()`
				}))
				// A row of the current version came from a concurrent refresh in a publish
				// transaction, newer than what this read computed: kept. A row of another version
				// was computed under another rule: replaced.
				.where('published_aggregate.rule_version', '<>', aggregateRuleVersion)
		)
		.execute();
}

/** The national averages and ranking totals of one rubric version. */
export async function loadRubricAggregate(db: Database, rubric: Rubric): Promise<RubricAggregate> {
	const row = await db
		.selectFrom('published_aggregate')
		.select('data')
		.where('kind', '=', rubricKind)
		.where('key', '=', rubric.id)
		.where('rule_version', '=', aggregateRuleVersion)
		.executeTakeFirst();
	if (row) return row.data as RubricAggregate;
	const computed = await computeRubricAggregate(db, rubric);
	await insertIfMissing(db, rubricKind, [{ key: rubric.id, data: computed }]);
	return computed;
}

/** Several municipalities' published histories, in the order asked. */
export async function loadMunicipalityAggregates(
	db: Database,
	codes: string[]
): Promise<MunicipalityAggregate[]> {
	const wanted = [...new Set(codes)];
	if (!wanted.length) return [];
	const rows = await db
		.selectFrom('published_aggregate')
		.select(['key', 'data'])
		.where('kind', '=', municipalityKind)
		.where('key', 'in', wanted)
		.where('rule_version', '=', aggregateRuleVersion)
		.execute();
	const found = new Map(rows.map((r) => [r.key, revive(r.data as MunicipalityAggregate)]));
	const missing = wanted.filter((c) => !found.has(c));
	if (missing.length) {
		const computed = await computeMunicipalityAggregates(db, missing);
		await insertIfMissing(
			db,
			municipalityKind,
			computed.map((m) => ({ key: m.code, data: m }))
		);
		for (const m of computed) found.set(m.code, m);
	}
	return wanted.map((c) => found.get(c)!);
}

/** One municipality's published history. */
export async function loadMunicipalityAggregate(
	db: Database,
	code: string
): Promise<MunicipalityAggregate> {
	return (await loadMunicipalityAggregates(db, [code]))[0];
}

/** JSON has no dates: the publication time comes back as a string. */
function revive(m: MunicipalityAggregate): MunicipalityAggregate {
	return {
		...m,
		results: m.results.map((r) => ({ ...r, publishedAt: new Date(r.publishedAt) }))
	};
}
