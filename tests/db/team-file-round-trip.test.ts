/**
 * The team file keeps everything it carries (issue 24, item 2): an evaluation exported, imported
 * into an empty database and exported again gives the same file apart from ids and timestamps —
 * the agreed scores with their justifications included — and the same rows in every table that
 * holds the evaluation's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { createUser } from '../helpers/users';
import { createEvaluation } from '../../src/lib/server/evaluations/evaluations';
import { getRubricOrThrow } from '../../src/lib/server/register/rubrics';
import { saveAgreedScore } from '../../src/lib/server/scoring/scores';
import { createInterview } from '../../src/lib/server/sources/interviews';
import { createWebObservation } from '../../src/lib/server/sources/web-observations';
import { saveWrittenAnswer } from '../../src/lib/server/sources/written-answers';
import { exportEvaluation } from '../../src/lib/server/team-file/export';
import { importEvaluationFile } from '../../src/lib/server/team-file/import';
import { systemActor } from '../../src/lib/server/accounts/audit';
import type { Database } from '../../src/lib/server/db';

let source: TestDatabase;
let target: TestDatabase;
/** The first test's export, refused in altered forms by the second. */
let exported: Awaited<ReturnType<typeof exportEvaluation>>;
beforeAll(async () => {
	[source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
	await Promise.all([source?.close(), target?.close()]);
});

/**
 * Tables that belong to the team, not to the evaluation's content: who is on it, their blind
 * sheets (people who do not exist in another database) and the audit trail (the import writes its
 * own entry). Every other table with an evaluation_id is compared row by row.
 */
const notInTheFile = new Set(['evaluation_member', 'score_sheet', 'audit_log']);
/** Columns that differ between databases by nature: keys, versions, timestamps, who wrote. */
const volatile = /^(id|evaluation_id|row_version|created_at|updated_at|updated_by|created_by)$/;

async function evaluationTables(db: Database): Promise<string[]> {
	const { rows } = await sql<{ table_name: string }>`
		select table_name from information_schema.columns
		where column_name = 'evaluation_id' and table_schema = current_schema()
		order by table_name`.execute(db);
	return rows.map((r) => r.table_name).filter((t) => !notInTheFile.has(t));
}

/** Every row of the evaluation in every table, volatile columns left out, in a stable order. */
async function rowsOf(db: Database, evaluationId: number) {
	const out: Record<string, string[]> = {};
	for (const table of await evaluationTables(db)) {
		const { rows } = await sql<Record<string, unknown>>`
			select * from ${sql.table(table)} where evaluation_id = ${evaluationId}`.execute(db);
		out[table] = rows
			.map((r) =>
				JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !volatile.test(k))))
			)
			.sort();
	}
	const { rows } = await sql<Record<string, unknown>>`
		select municipality_code, year, rubric_id, status, evaluated_at, visit_start, visit_end,
			summary, source from evaluation where id = ${evaluationId}`.execute(db);
	out.evaluation = rows.map((r) => JSON.stringify(r));
	return out;
}

/** A team file with what differs between two databases by nature (ids, timestamps) blanked. */
function stable(file: unknown): unknown {
	return JSON.parse(
		JSON.stringify(file, (key, value) =>
			key === 'id' || key === 'exportedAt' || /At$/.test(key) ? '(varies)' : value
		)
	);
}

describe('the team file round trip', () => {
	it('exports, imports into an empty database and exports again without losing a row or a reason', async () => {
		const a = await createUser(source.db, { role: 'evaluator', name: 'Anna Utvärderare' });
		const b = await createUser(source.db, { role: 'evaluator', name: 'Bo Utvärderare' });
		const rubric = await getRubricOrThrow(source.db, 'kommunkompassen-2020');
		const id = await createEvaluation(source.db, systemActor, {
			municipalityCode: '0114',
			year: 2026,
			rubricId: rubric.id,
			teamUserIds: [a.id, b.id],
			contactUserId: null,
			visitStart: '2026-09-07',
			visitEnd: '2026-09-08'
		});
		for (const [i, s] of rubric.areas.flatMap((area) => area.subareas).entries())
			await saveAgreedScore(source.db, a, rubric, id, {
				subareaId: s.id,
				points: Math.min(s.maxPoints, i % 5),
				justification: `Motivering ${s.id}: vad intervjuerna och dokumenten visade.`,
				expectedVersion: 0
			});
		await createInterview(source.db, a, id, {
			heldOn: '2026-09-07',
			group: 'fortroendevalda',
			peopleCount: 3,
			interviewer: 'Anna',
			intervieweeNames: 'N.N.',
			notes: 'KS ordförande beskriver medborgardialogen.'
		});
		await createWebObservation(source.db, a, id, {
			url: 'https://www.upplands-vasby.se/',
			seenOn: '2026-09-01',
			note: 'Medborgarpanelen presenteras.'
		});
		await saveWrittenAnswer(
			source.db,
			a,
			id,
			{ subareaId: '1.1', questionId: rubric.areas[0].subareas[0].questions?.[0]?.id ?? null },
			'Ja, sedan 2024.',
			0
		);

		const options = { includeInterviewNotes: true, sheets: { all: true } } as const;
		const file = await exportEvaluation(source.db, id, options);
		expect(file.agreed['1.1']).toEqual({
			points: 0,
			justification: 'Motivering 1.1: vad intervjuerna och dokumenten visade.'
		});

		exported = file;
		const outcome = await importEvaluationFile(
			target.db,
			systemActor,
			JSON.parse(JSON.stringify(file))
		);
		expect(outcome).toMatchObject({ ok: true });
		const copy = (outcome as { evaluationId: number }).evaluationId;
		const again = await exportEvaluation(target.db, copy, options);

		// The team (its sheets, its names) are people of the first database; the rest is equal.
		const withoutTeam = (f: typeof file) =>
			stable({ ...f, sheets: [], content: { ...f.content, evaluators: [] } });
		expect(withoutTeam(again)).toEqual(withoutTeam(file));
		expect(await rowsOf(target.db, copy)).toEqual(await rowsOf(source.db, id));
	});

	it('refuses an agreed score for a subarea the rubric does not have, or without a reason', async () => {
		const file = structuredClone(exported);
		file.content = { ...file.content, year: 2019 };
		file.published = { ...file.published, year: 2019 };
		const bad = { ...file, agreed: { ...file.agreed, '9.9': { points: 1, justification: 'x' } } };
		expect(await importEvaluationFile(target.db, systemActor, bad)).toMatchObject({
			ok: false,
			problems: [expect.objectContaining({ field: 'agreed.9.9' })]
		});
		const empty = { ...file, agreed: { ...file.agreed, '1.1': { points: 0, justification: ' ' } } };
		expect(await importEvaluationFile(target.db, systemActor, empty)).toMatchObject({ ok: false });
	});
});
