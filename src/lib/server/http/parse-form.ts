/**
 * The one way an action reads its form: a zod schema (fields from $lib/schemas/form) turns the
 * form into typed data, or into a 400 with a message per field in the user's language and the
 * action's context echoed back, so nothing is written from input that was refused.
 */
import { error, fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldErrors } from '$lib/schemas/errors';
import type { Refusal } from './evaluation-route';
import { translateKey, type MessageKey } from '$lib/i18n/lookup';
import { m } from '$lib/paraglide/messages.js';

export type ParsedForm<S extends z.ZodType, C extends object> =
	{ ok: true; data: z.output<S> } | { ok: false; failure: ActionFailure<Refusal<C>> };

/**
 * The form's text fields as a plain object: a field sent once is a string, one sent several times
 * a list (read it with `formList`); files are left to the actions that take uploads.
 */
export function formEntries(form: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const key of new Set(form.keys())) {
		const texts = form.getAll(key).filter((v): v is string => typeof v === 'string');
		if (texts.length) values[key] = texts.length === 1 ? texts[0] : texts;
	}
	return values;
}

/**
 * The named text fields as the user typed them (absent is ''), to hand back with a refusal so the
 * page can show them again and nothing typed is lost.
 */
export function typedValues<K extends string>(form: FormData, ...names: K[]): Record<K, string> {
	return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? '')])) as Record<
		K,
		string
	>;
}

/**
 * The typed values of a form of hidden fields only (ids, versions, checkboxes: absent ids are NaN
 * for the domain to refuse). A value no page of ours sends (an id past 2³¹−1, a version that is
 * not a number) is a client's error: 400, with no field to show it at, never a 500.
 */
export function readForm<S extends z.ZodType>(form: FormData, schema: S): z.output<S> {
	const parsed = schema.safeParse(formEntries(form));
	if (!parsed.success) error(400, m['errors.invalid']());
	return parsed.data;
}

/**
 * A refusal an action decides itself after parsing (an unknown target, an incomplete sheet): 400
 * with the message at `field` ('_form' for the form as a whole), nothing written.
 */
export function refuse<C extends object = object>(
	locals: App.Locals,
	field: string,
	key: MessageKey,
	context: C = {} as C
): ActionFailure<Refusal<C>> {
	const errors: Record<string, string> = {
		[field]: translateKey(key, undefined, { locale: locals.locale })
	};
	return fail(400, { ...context, errors });
}

/**
 * `hidden` names fields the page sends in hidden inputs (which list, which direction): the user
 * cannot correct them at a field, so their refusal is shown as the form's (`_form`) too.
 */
export function parseForm<S extends z.ZodType, C extends object = object>(
	locals: App.Locals,
	form: FormData,
	schema: S,
	context: C = {} as C,
	hidden: string[] = []
): ParsedForm<S, C> {
	const parsed = schema.safeParse(formEntries(form));
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors = fieldErrors(parsed.error, locals.locale);
	const refused = hidden.find((field) => errors[field]);
	if (refused && !errors._form) errors._form = errors[refused];
	return { ok: false, failure: fail(400, { ...context, errors }) };
}
