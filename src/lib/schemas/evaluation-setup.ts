import { z } from 'zod';

/** A planned date from a date field: 'YYYY-MM-DD', or empty for none. */
export const plannedDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.or(z.literal('').transform(() => null));

/** What the set-up form and the new-evaluation form share: team, contact, planned dates. */
export const setupFields = {
	teamUserIds: z.array(z.coerce.number().int().positive()).max(4, 'errors.invalid'),
	contactUserId: z.coerce.number().int().positive().nullable(),
	answersDue: plannedDate,
	visitStart: plannedDate,
	visitEnd: plannedDate,
	factCheckDue: plannedDate,
	publicationPlanned: plannedDate
};

/** Reads the shared fields from a posted form (as strings, for the schema and to echo back). */
export function readSetupForm(form: FormData) {
	const text = (name: string) => String(form.get(name) ?? '');
	return {
		teamUserIds: form.getAll('team').map(String),
		contactUserId: form.get('contactUserId') ? text('contactUserId') : null,
		answersDue: text('answersDue'),
		visitStart: text('visitStart'),
		visitEnd: text('visitEnd'),
		factCheckDue: text('factCheckDue'),
		publicationPlanned: text('publicationPlanned')
	};
}
