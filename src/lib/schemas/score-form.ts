/**
 * The score form of every scoring page — an evaluator's blind sheet, the team's agreed score, a
 * self-assessment member's sheet and its group's agreed score — read with `parseForm`.
 */
import { z } from 'zod';
import { textLimits } from '$lib/domain/limits';
import { formInt, formText, formVersion } from './form';

/** A score as the forms send it; `points` stays as typed so a refusal shows it back. */
export const scoreFormSchema = z.object({
	subareaId: formText(10),
	points: z.string().trim().default(''),
	justification: formText(textLimits.justification),
	version: formVersion
});

/** The points as a number: NaN when malformed, which the domain refuses as out of range. */
export const pointsOf = (raw: string) => formInt.parse(raw);
