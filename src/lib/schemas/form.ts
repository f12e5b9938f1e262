/**
 * Field types for reading HTML forms with zod (see `parseForm` in server/http/parse-form.ts). A
 * form sends every field as text, a repeated field as several entries and an unchecked box not
 * at all; these turn that into the values an action works with.
 */
import { z } from 'zod';
import { externalId, externalVersion } from './id';

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

/**
 * A row id in a (mostly hidden) field: absent or empty is NaN, which the domain refuses with its
 * own message ("choose a document"); anything else must be an id (./id: a positive integer the
 * database can hold) or is refused at the field, so 2147483648 is a 400, never a database error.
 */
export const formId = z
	.string()
	.optional()
	.transform((raw) => (raw ?? '').trim())
	.pipe(z.union([z.literal('').transform(() => Number.NaN), externalId]));

/**
 * A row version; absent or empty is 0 (a first save), as the autosaving forms send it; anything
 * else must be a version the database can hold (./id) or is refused at the field.
 */
export const formVersion = z
	.string()
	.optional()
	.transform((raw) => (raw ?? '').trim())
	.pipe(z.union([z.literal('').transform(() => 0), externalVersion]));

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
export const formOptionalId = z.preprocess((raw) => raw || null, externalId.nullable());
