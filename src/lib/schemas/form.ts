/**
 * Field types for reading HTML forms with zod (see `parseForm` in server/http/parse-form.ts). A
 * form sends every field as text, a repeated field as several entries and an unchecked box not
 * at all; these turn that into the values an action works with.
 */
import { z } from 'zod';

/**
 * A text field; absent is ''. Over `max` characters it is refused at its field ('errors.tooLong'
 * with the limit), never cut short and called saved.
 */
export const formText = (max: number) => z.string().max(max, 'errors.tooLong').default('');

/**
 * An integer field; absent or malformed is NaN, which the domain refuses with its own message
 * (a score out of range, an unknown row), so the user reads why rather than "not a number".
 */
export const formInt = z
	.string()
	.optional()
	.transform((raw) => {
		const value = (raw ?? '').trim();
		return /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
	});

/** A row version; absent or malformed is 0 (a first save), as the autosaving forms send it. */
export const formVersion = formInt.transform((n) => n || 0);

/** A checkbox: on when sent. */
export const formCheckbox = z
	.string()
	.optional()
	.transform((value) => value === 'on');

/**
 * A repeated field (checkboxes of one name), as a list of its texts, absent is []; `list` may add
 * rules or read the texts (as numbers, say).
 */
export const formList = <T extends z.ZodType = z.ZodArray<z.ZodString>>(
	list: T = z.array(z.string()) as unknown as T
) =>
	z.preprocess(
		(value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
		list
	);

/**
 * A choice of a row by id that may be left empty (a select's "–"): absent or empty is null, a
 * malformed id is refused ('errors.invalid').
 */
export const formOptionalId = z.preprocess(
	(raw) => raw || null,
	z.coerce
		.number({ error: 'errors.invalid' })
		.int('errors.invalid')
		.positive('errors.invalid')
		.nullable()
);
