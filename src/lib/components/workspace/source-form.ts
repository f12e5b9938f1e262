/**
 * What the sources pages' actions (`server/actions/source-page.ts`) return when they refuse, and
 * which of a page's forms a refusal belongs to.
 */

export interface SourceFormState<
	Values = Record<string, string>,
	Current = Record<string, unknown>
> {
	action?: 'create' | 'update' | 'delete';
	/** The row an update or delete was for. */
	id?: number;
	/** What was submitted, to put back in the form. */
	values?: Values;
	/** A message per field; `_form` for the form as a whole. */
	errors?: Record<string, string>;
	/** A stale save: the row as it is saved now, to show beside the user's text. */
	stale?: { current: Current | null };
}

/** The refused submission of the form for the row `id` (null: the new-row form), if any. */
export function failedFor<S extends SourceFormState<unknown, unknown>>(
	form: S | null,
	id: number | null
): S | null {
	if (!form) return null;
	return (id === null ? form.action === 'create' : form.action === 'update' && form.id === id)
		? form
		: null;
}
