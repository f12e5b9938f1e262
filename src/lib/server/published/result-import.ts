import { publisherCredit } from '$lib/domain/report/credits';
import type { Database } from '../db';
import { recordAudit, type Actor } from '../accounts/audit';
import { insertPublishedVersion } from './versions';
import { refreshPublishedAggregates } from './aggregates';
import { listRubrics } from '../register/rubrics';
import { listMunicipalities } from '../register/municipalities';
import {
	checkResultRecord,
	resultRecordSchema,
	type ResultRecord
} from '$lib/schemas/result-format';
import { contentFromRecord } from '$lib/domain/exchange';
import type { RawRecord } from '$lib/domain/results-file';
import { computeTotals, sumAreas } from '$lib/domain/scoring';
import type { Rubric } from '$lib/domain/rubric';

export interface ImportProblem {
	record: string;
	field: string;
	message: string;
}

export interface PlannedResult {
	label: string;
	municipalityCode: string;
	municipalityName: string;
	year: number;
	rubricId: string;
	total: number | null;
	levels: string;
	/** 'new' or 'replace' (a new published version of an existing result). */
	action: 'new' | 'replace';
}

export type ImportOutcome =
	| { ok: true; planned: PlannedResult[]; written: boolean }
	| { ok: false; problems: ImportProblem[] };

export interface ImportOptions {
	replace?: boolean;
	dryRun?: boolean;
	/** Skip records whose result already exists instead of refusing them (demo seeding). */
	skipExisting?: boolean;
}

/**
 * Validates every record and then writes all of them in one transaction, or nothing: every
 * problem names the record, the field and the reason.
 */
export async function importResults(
	db: Database,
	actor: Actor,
	records: RawRecord[],
	options: ImportOptions = {}
): Promise<ImportOutcome> {
	const rubrics = new Map((await listRubrics(db)).map((r) => [r.id, r]));
	const municipalities = new Map((await listMunicipalities(db)).map((m) => [m.code, m.name]));
	const problems: ImportProblem[] = [];
	const valid: { label: string; record: ResultRecord; rubric: Rubric; name: string }[] = [];
	const seenInFile = new Map<string, string>();

	for (const { label, value } of records) {
		const parsed = resultRecordSchema.safeParse(value);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field =
					issue.path.map(String).join('.') ||
					(issue.code === 'unrecognized_keys' ? '' : '(record)');
				const message =
					issue.code === 'unrecognized_keys'
						? `unknown field(s): ${issue.keys.join(', ')}`
						: issue.message;
				problems.push({ record: label, field: field || '(record)', message });
			}
			continue;
		}
		const record = parsed.data;
		const rubric = rubrics.get(record.rubric);
		if (!rubric) {
			problems.push({
				record: label,
				field: 'rubric',
				message: `unknown rubric "${record.rubric}"`
			});
			continue;
		}
		const name = municipalities.get(record.municipality.code);
		if (!name) {
			problems.push({
				record: label,
				field: 'municipality.code',
				message: `unknown municipality code "${record.municipality.code}"`
			});
			continue;
		}
		const recordProblems = checkResultRecord(record, rubric);
		for (const p of recordProblems) problems.push({ record: label, ...p });
		if (recordProblems.length) continue;
		const key = `${record.municipality.code}/${record.year}/${record.rubric}`;
		const earlier = seenInFile.get(key);
		if (earlier) {
			problems.push({
				record: label,
				field: 'year',
				message: `the same municipality, year and rubric as ${earlier}`
			});
			continue;
		}
		seenInFile.set(key, label);
		valid.push({ label, record, rubric, name });
	}
	if (problems.length) return { ok: false, problems };

	const existing = await findExisting(
		db,
		valid.map((v) => v.record)
	);
	const planned: PlannedResult[] = [];
	const toWrite: typeof valid = [];
	for (const v of valid) {
		const key = `${v.record.municipality.code}/${v.record.year}/${v.record.rubric}`;
		const found = existing.get(key);
		if (found && options.skipExisting) continue;
		if (found && !options.replace) {
			problems.push({
				record: v.label,
				field: 'year',
				message: `a result for ${v.name} ${v.record.year} (${v.record.rubric}) already exists; import with replace to publish a new version`
			});
			continue;
		}
		if (found && found.origin !== 'import') {
			problems.push({
				record: v.label,
				field: 'year',
				message: `${v.name} ${v.record.year} is an evaluation made in the workspace; correct it there (reopen and publish an erratum)`
			});
			continue;
		}
		toWrite.push(v);
		planned.push({
			label: v.label,
			municipalityCode: v.record.municipality.code,
			municipalityName: v.name,
			year: v.record.year,
			rubricId: v.rubric.id,
			total: v.record.scores
				? computeTotals(v.rubric, v.record.scores).total
				: v.record.areaScores
					? sumAreas(v.record.areaScores)
					: (v.record.total ?? null),
			levels: v.record.scores ? 'subareas' : v.record.areaScores ? 'areas' : 'total',
			action: found ? 'replace' : 'new'
		});
	}
	if (problems.length) return { ok: false, problems };
	if (options.dryRun || toWrite.length === 0) return { ok: true, planned, written: false };

	await db.transaction().execute(async (trx) => {
		for (const v of toWrite) {
			const key = `${v.record.municipality.code}/${v.record.year}/${v.record.rubric}`;
			const found = existing.get(key);
			const content = contentFromRecord(v.record, v.rubric, v.name);
			let evaluationId = found?.id;
			if (!evaluationId) {
				const row = await trx
					.insertInto('evaluation')
					.values({
						municipality_code: v.record.municipality.code,
						year: v.record.year,
						rubric_id: v.rubric.id,
						status: 'publicerad',
						origin: 'import',
						evaluated_at: v.record.evaluatedAt ?? null,
						summary: v.record.summary ?? '',
						source: v.record.source ?? null,
						// An imported result was not done here: its report credits the publisher.
						credited_author: publisherCredit(v.record.year)
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				evaluationId = row.id;
			}
			const published = await insertPublishedVersion(trx, {
				evaluationId,
				rubric: v.rubric,
				content,
				errataReason: found ? 'Ersatt genom import' : null
			});
			await recordAudit(trx, {
				actor,
				entity: 'published_result',
				entityId: published.id,
				evaluationId,
				action: found ? 'import-replace' : 'import',
				after: v.record
			});
		}
		await refreshPublishedAggregates(trx, {
			rubricIds: toWrite.map((v) => v.rubric.id),
			municipalityCodes: toWrite.map((v) => v.record.municipality.code)
		});
	});
	return { ok: true, planned, written: true };
}

async function findExisting(db: Database, records: ResultRecord[]) {
	const found = new Map<string, { id: number; origin: 'workspace' | 'import' }>();
	if (!records.length) return found;
	const codes = [...new Set(records.map((r) => r.municipality.code))];
	const rows = await db
		.selectFrom('evaluation')
		.select(['id', 'municipality_code', 'year', 'rubric_id', 'origin'])
		.where('municipality_code', 'in', codes)
		.execute();
	for (const r of rows)
		found.set(`${r.municipality_code}/${r.year}/${r.rubric_id}`, { id: r.id, origin: r.origin });
	return found;
}
