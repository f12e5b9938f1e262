/**
 * The evaluation's interviews: when, with which group, how many people, and the team's notes.
 *
 * Interview notes and interviewee names never leave the team. Only the functions named
 * `…WithNotes` return them, and their callers check `interview.readNotes`; the counts are safe
 * for coordinators. The audit trail, which coordinators read, never receives notes or names.
 */
import type { z } from 'zod';
import type { Database } from '../db';
import { evidenceCountOf, sourceWrites, type Executor } from '../evaluations/rows';
import { interviewGroups, type InterviewGroup } from '$lib/domain/evaluation-content';
import type { InterviewCount } from '$lib/domain/sources';
import type { interviewSchema } from '$lib/server/sources/schemas';

/**
 * An interview as the form (and the team file) gives it: the form schema's output, so a field
 * added to the schema is typed here at once.
 */
export type InterviewInput = z.output<typeof interviewSchema>;

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
		.select([
			'i.id',
			'i.held_on as heldOn',
			'i.group_kind as group',
			'i.people_count as peopleCount',
			'i.interviewer',
			'i.interviewee_names as intervieweeNames',
			'i.notes',
			'i.row_version as rowVersion',
			evidenceCountOf('interview', 'i')
		])
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

/** An interview's columns, for its page's saves and the team file's import alike. */
export const interviewColumns = (input: InterviewInput) => ({
	held_on: input.heldOn,
	group_kind: input.group,
	people_count: input.peopleCount,
	interviewer: input.interviewer,
	interviewee_names: input.intervieweeNames,
	notes: input.notes
});

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
