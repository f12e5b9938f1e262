import { externalId } from './id';
import { z } from 'zod';
import { formList, formOptionalId } from './form';

/** A planned date from a date field: 'YYYY-MM-DD', or empty for none. */
export const plannedDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
	.or(z.literal('').transform(() => null));

/** The shared fields as typed (strings), to hand back with a refusal so nothing chosen is lost. */
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

/** A planned date as a form sends it: absent is none, like an empty field. */
const formPlannedDate = plannedDate.default(null);

/**
 * The shared fields as the set-up and new-evaluation forms send them (`team` repeated, one per
 * chosen member), for `parseForm`; `setupChange` names them as the repositories do.
 */
export const setupFormFields = {
	team: formList(z.array(externalId).max(4, 'errors.invalid')),
	contactUserId: formOptionalId,
	answersDue: formPlannedDate,
	visitStart: formPlannedDate,
	visitEnd: formPlannedDate,
	factCheckDue: formPlannedDate,
	publicationPlanned: formPlannedDate
};

type SetupForm = z.output<z.ZodObject<typeof setupFormFields>>;

/** The parsed set-up fields with the team as `teamUserIds`, the rest as they are. */
export function setupChange<T extends SetupForm>({ team, ...rest }: T) {
	return { ...rest, teamUserIds: team };
}
