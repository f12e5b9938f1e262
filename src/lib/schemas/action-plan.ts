/**
 * The action plan's forms: an action (what, by whom, when, its status and what it answers) and a
 * progress note (lägesrapport).
 */
import { z } from 'zod';
import { textLimits } from '$lib/domain/limits';
import { formId, formList, formText, formVersion } from './form';

export const actionStatuses = ['planerad', 'pagar', 'genomford', 'avbruten'] as const;

const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.or(z.literal('').transform(() => null));

/** An action's form: the fields, the row (absent id: a new action) and what it answers. */
export const actionForm = z.object({
	id: formId,
	version: formVersion,
	links: formList(),
	title: z.string().trim().min(1, 'errors.required').max(300, 'errors.invalid'),
	description: z.string().max(5000, 'errors.invalid').default(''),
	ownerRole: z.string().trim().min(1, 'errors.required').max(200, 'errors.invalid'),
	startDate: date,
	targetDate: date,
	status: z.enum(actionStatuses)
});

/**
 * A progress note: its date ('YYYY-MM-DD'; left empty it is `today`, the day the note is
 * written, which is what the form offers) and its text.
 */
export const noteForm = (today: string) =>
	z.object({
		notedOn: formText(10)
			.transform((v) => v.trim() || today)
			.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')),
		text: formText(textLimits.comment).refine((v) => v.trim().length > 0, 'errors.required')
	});
