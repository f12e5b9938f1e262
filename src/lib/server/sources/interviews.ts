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

/** An interview's fields as the form (and the team file) gives them and the page reads them. */
export type InterviewFields = z.output<typeof interviewSchema>;

type Field = keyof InterviewFields;

/** The fields the form may leave out (a `.default` in the schema, a DEFAULT in the table). */
type DefaultedField = {
	[F in Field]-?: undefined extends z.input<typeof interviewSchema>[F] ? F : never;
}[Field];

/**
 * An interview as a save takes it: the schema's output, the defaulted fields optional (a caller
 * that leaves one out gets the column's default), so a new optional field breaks no caller.
 */
export type InterviewInput = Omit<InterviewFields, DefaultedField> &
	Partial<Pick<InterviewFields, DefaultedField>>;

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

/** The interview table: the form's fields as columns, and the row's own. Composed in tables.ts. */
export type InterviewTable = {
	[F in Field as ColumnOf<F>]: F extends DefaultedField
		? Generated<InterviewFields[F]>
		: InterviewFields[F];
} & {
	id: Generated<number>;
	evaluation_id: number;
	row_version: Generated<number>;
	created_at: Timestamp;
};

const fields = Object.keys(interviewSchema.shape) as Field[];

/** Every field selected under its form name: `i.held_on as heldOn`, … */
const fieldSelection = fields.map((f) => `i.${columnOf(f)} as ${f}`) as {
	[F in Field]: `i.${ColumnOf<F>} as ${F}`;
}[Field][];

/**
 * An interview's columns, for its page's saves and the team file's import alike. A field left out
 * stays out (undefined), so Kysely leaves the column to its default or, on update, as it was.
 */
export const interviewColumns = (input: InterviewInput) =>
	Object.fromEntries(fields.map((f) => [columnOf(f), input[f]])) as {
		[F in keyof InterviewInput as ColumnOf<F>]: InterviewInput[F];
	};

/** An interview as the team sees it: with notes, names and how many evidence items quote it. */
export interface InterviewWithNotes extends InterviewFields {
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
