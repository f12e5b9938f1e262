/**
 * The sources' part of the team file (team-file/export.ts and import.ts): what an interview and a
 * web observation look like in the file, built from the form schemas so the file obeys the same
 * limits as the page, and an unknown field is a problem in the import's list rather than a row
 * silently dropped or refused by the database's CHECK constraint.
 */
import { z } from 'zod';
import { webObservationSchema } from './schemas';
import { interviewLimits, interviewSchema, type InterviewWithNotes } from './interviews';

/** An interview in the team file: the form's fields, the people count as a number. */
export const interviewFileSchema = interviewSchema
	.extend({ peopleCount: z.number().int().min(1).max(interviewLimits.peopleCount) })
	.strict();

/** A web observation in the team file: exactly the form's fields. */
export const webObservationFileSchema = webObservationSchema.strict();

/**
 * An interview as the file carries it: every field of the form, notes and interviewee names only
 * when the reader may see them. Fields are taken by exclusion, so a new column reaches the file
 * without an edit here.
 */
export function interviewToFile(
	{
		id: _id,
		rowVersion: _v,
		evidenceCount: _n,
		notes,
		intervieweeNames,
		...shared
	}: InterviewWithNotes,
	includeNotes: boolean
) {
	return includeNotes ? { ...shared, intervieweeNames, notes } : shared;
}
