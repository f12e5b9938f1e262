/**
 * The evaluation's interviews, in one file: the form's schema, the table (its columns derived from
 * the schema's fields), and the queries. A new field is one line in `interviewSchema` (and, for a
 * text, its limit in `interviewLimits`) plus its migration; the table type, the select list,
 * the saved columns and the team file (exchange.ts) follow from the schema.
 *
 * Interview notes and interviewee names never leave the team. Only the functions named
 * `…WithNotes` return them, and their callers check `interview.readNotes`; the counts are safe
 * for coordinators. The audit trail, which coordinators read, never receives notes or names.
 */
import type { Generated } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db';
import type { Timestamp } from '../db/tables/foundation';
import { evidenceCountOf, sourceWrites, type Executor } from '../evaluations/rows';
import { interviewGroups, type InterviewGroup } from '$lib/domain/evaluation-content';
import type { InterviewCount } from '$lib/domain/sources';
import { isoDate, sourceText } from './schemas';

/**
 * The interview's limits by field: the schema holds the server and the team file to them, and the
 * page gets them in its data for the inputs' maxlength.
 */
export const interviewLimits = {
	peopleCount: 200,
	interviewer: 200,
	intervieweeNames: 2000,
	notes: 100_000
} as const;

/** The interview form (and, through exchange.ts, an interview in the team file). */
export const interviewSchema = z.object({
	heldOn: isoDate,
	group: z.enum(interviewGroups, { error: 'src.errors.group' }),
	peopleCount: z
		.string()
		.trim()
		.regex(/^\d{1,3}$/, 'src.errors.people')
		.transform(Number)
		.refine((n) => n >= 1 && n <= interviewLimits.peopleCount, 'src.errors.people'),
	interviewer: sourceText(interviewLimits.interviewer).transform((s) => s.trim()),
	intervieweeNames: sourceText(interviewLimits.intervieweeNames).transform((s) => s.trim()),
	notes: sourceText(interviewLimits.notes)
});

/**
 * An interview as the form (and the team file) gives it: the form schema's output, so a field
 * added to the schema is typed here at once.
 */
export type InterviewInput = z.output<typeof interviewSchema>;

type Field = keyof InterviewInput;

/** 'intervieweeNames' → 'interviewee_names' (as `columnOf` does at run time). */
type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
	? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
	: S;

/** A field's column: its name in snake_case; `group` is a reserved word in SQL. */
type ColumnOf<F extends Field> = F extends 'group' ? 'group_kind' : SnakeCase<F>;

function columnOf<F extends Field>(field: F): ColumnOf<F> {
	const column =
		field === 'group' ? 'group_kind' : field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
	return column as ColumnOf<F>;
}

/** The form's fields as the table's columns, each of the type the schema gives. */
type InterviewFieldColumns = { [F in Field as ColumnOf<F>]: InterviewInput[F] };

/** The interview table: the form's fields, and the row's own columns. Composed in tables.ts. */
export interface InterviewTable extends InterviewFieldColumns {
	id: Generated<number>;
	evaluation_id: number;
	row_version: Generated<number>;
	created_at: Timestamp;
}

const fields = Object.keys(interviewSchema.shape) as Field[];

/** Every field selected under its form name: `i.held_on as heldOn`, … */
const fieldSelection = fields.map((f) => `i.${columnOf(f)} as ${f}`) as {
	[F in Field]: `i.${ColumnOf<F>} as ${F}`;
}[Field][];

/** An interview's columns, for its page's saves and the team file's import alike. */
export const interviewColumns = (input: InterviewInput) =>
	Object.fromEntries(fields.map((f) => [columnOf(f), input[f]])) as InterviewFieldColumns;

/** An interview as the team sees it: with notes, names and how many evidence items quote it. */
export interface InterviewWithNotes extends InterviewInput {
	id: number;
	rowVersion: number;
	evidenceCount: number;
}

/** Team only (`interview.readNotes`): every interview with notes and names, oldest first. */
export async function listInterviewsWithNotes(
	db: Database,
	evaluationId: number
): Promise<InterviewWithNotes[]> {
	return db
		.selectFrom('interview as i')
		.select(fieldSelection)
		.select(['i.id', 'i.row_version as rowVersion', evidenceCountOf('interview', 'i')])
		.where('i.evaluation_id', '=', evaluationId)
		.orderBy('i.held_on')
		.orderBy('i.id')
		.execute();
}

/**
 * Interviews and people per group, in the report's group order; groups without interviews are
 * left out. Counts only — safe for anyone who may read the draft, and what
 * `EvaluationContent.method.interviews` and the report show.
 */
export async function countInterviewsByGroup(
	db: Executor,
	evaluationId: number
): Promise<InterviewCount[]> {
	const rows = await db
		.selectFrom('interview')
		.select((eb) => [
			'group_kind',
			eb.fn.countAll<number>().as('interviews'),
			eb.fn.sum<number>('people_count').as('people')
		])
		.where('evaluation_id', '=', evaluationId)
		.groupBy('group_kind')
		.execute();
	const byGroup = new Map(rows.map((r) => [r.group_kind, r]));
	return interviewGroups
		.filter((g) => byGroup.has(g))
		.map((g) => ({
			group: g,
			interviews: Number(byGroup.get(g)!.interviews),
			people: Number(byGroup.get(g)!.people)
		}));
}

/** What the audit trail may say about an interview: never its notes or names. */
const audited = (row: { held_on: string; group_kind: InterviewGroup; people_count: number }) => ({
	heldOn: row.held_on,
	group: row.group_kind,
	peopleCount: row.people_count
});

const writes = sourceWrites('interview', interviewColumns, audited);

/** Records a new interview; returns its id. */
export const createInterview = writes.create;

/**
 * Updates an interview if nobody saved it since `expectedVersion`; returns the new version.
 * A stale save throws StaleWriteError carrying the saved notes (the caller is on the team).
 */
export const updateInterview = writes.update;

/** Deletes an interview (undoably: returns the id that undoes it); refused while an evidence item quotes it. */
export const deleteInterview = writes.remove;
